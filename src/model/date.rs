use super::Updated;

const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Read a "developer last updated" text into an ISO date where its shape is recognizable:
/// `2021 年 9 月 20 日` (zh/ja), `2021년 9월 20일` (ko), `2021-09-20`, `September 20, 2021`,
/// `20 September 2021`, `09/20/2021` (front matter, month first). The raw text is always kept.
pub fn parse_updated(raw: &str) -> Updated {
    Updated {
        date: parse_date(raw),
        raw: raw.trim().to_string(),
    }
}

pub fn parse_date(raw: &str) -> Option<String> {
    let numbers: Vec<u32> = raw
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() <= 4)
        .filter_map(|s| s.parse().ok())
        .collect();
    let lower = raw.to_lowercase();
    let month_word = MONTHS_EN
        .iter()
        .position(|m| lower.contains(m) || lower.contains(&m[..3]))
        .map(|i| i as u32 + 1);
    let (y, m, d) = match (numbers.as_slice(), month_word) {
        ([a, b], Some(m)) if *a > 31 => (*a, m, *b),
        ([a, b], Some(m)) => (*b, m, *a),
        ([y, m, d], None) if *y > 31 => (*y, *m, *d),
        // Front matter `ms.date` is month/day/year.
        ([m, d, y], None) if *y > 31 => (*y, *m, *d),
        _ => return None,
    };
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_dates() {
        assert_eq!(
            parse_date("开发人员上次更新时间：2021 年 9 月 20 日").as_deref(),
            Some("2021-09-20")
        );
        assert_eq!(
            parse_date("2024 年 1 月 12 日").as_deref(),
            Some("2024-01-12")
        );
    }

    #[test]
    fn other_shapes() {
        assert_eq!(parse_date("2022-07-21").as_deref(), Some("2022-07-21"));
        assert_eq!(parse_date("07/21/2022").as_deref(), Some("2022-07-21"));
        assert_eq!(
            parse_date("September 20, 2021").as_deref(),
            Some("2021-09-20")
        );
        assert_eq!(parse_date("20 Sep 2021").as_deref(), Some("2021-09-20"));
        assert_eq!(parse_date("2021년 9월 20일").as_deref(), Some("2021-09-20"));
    }

    #[test]
    fn unreadable_dates_keep_raw_only() {
        let u = parse_updated("  sometime last year ");
        assert_eq!(u.date, None);
        assert_eq!(u.raw, "sometime last year");
        assert_eq!(parse_date("2021 年 13 月 40 日"), None);
    }
}
