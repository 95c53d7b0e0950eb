use super::Updated;

/// Month names and their usual abbreviations in the languages the pages are published in
/// (en, de, fr, es, it, pt, nl, ru, plus the genitive forms Russian dates use), lower case.
/// Matched as whole words, a trailing dot dropped (`févr.`, `Sept.`); abbreviations that are
/// common words (`out`, `ago`, `set`) are left out.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januari",
        "январь",
        "января",
        "янв",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio",
        "fevereiro",
        "fev",
        "februari",
        "февраль",
        "февраля",
        "фев",
    ],
    &[
        "march",
        "mar",
        "märz",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "март",
        "марта",
        "мар",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "апрель",
        "апреля",
        "апр",
    ],
    &[
        "may", "mai", "mayo", "maggio", "mag", "maio", "mei", "май", "мая",
    ],
    &[
        "june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "июнь", "июня", "июн",
    ],
    &[
        "july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "июль",
        "июля", "июл",
    ],
    &[
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "augustus",
        "август",
        "августа",
        "авг",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "сентябрь",
        "сентября",
        "сен",
        "сент",
    ],
    &[
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "октябрь",
        "октября",
        "окт",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "ноябрь",
        "ноября",
        "ноя",
    ],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "декабрь",
        "декабря",
        "дек",
    ],
];

/// Read a "developer last updated" text into an ISO date where its shape is recognizable:
/// `2021 年 9 月 20 日` (zh/ja), `2021년 9월 20일` (ko), `2021-09-20`, `September 20, 2021`,
/// `28. Oktober 2021`, `28 octobre 2021`, `28 de octubre de 2021`, `28 октября 2021 г.`,
/// `09/20/2021` (front matter, month first). The raw text is always kept.
pub fn parse_updated(raw: &str) -> Updated {
    Updated {
        date: parse_date(raw),
        raw: raw.trim().to_string(),
    }
}

pub fn parse_date(raw: &str) -> Option<String> {
    let mut numbers: Vec<u32> = Vec::new();
    let mut month_word = None;
    for (word, is_number) in words(raw) {
        if is_number {
            if word.len() > 4 {
                return None;
            }
            numbers.push(word.parse().ok()?);
        } else if month_word.is_none() {
            month_word = month_of(word);
        }
    }
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

/// Runs of ASCII digits and runs of letters, each apart (`2021年10月` gives `2021`, `年`, `10`,
/// `月`), with whether each is a number.
fn words(raw: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| c.is_alphanumeric())?;
        rest = &rest[start..];
        let digit = rest.starts_with(|c: char| c.is_ascii_digit());
        let end = rest
            .find(|c: char| !c.is_alphanumeric() || c.is_ascii_digit() != digit)
            .unwrap_or(rest.len());
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some((word, digit))
    })
}

/// The month a word names, 1-based.
fn month_of(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_japanese_and_korean_dates() {
        assert_eq!(
            parse_date("开发人员上次更新时间：2021 年 9 月 20 日").as_deref(),
            Some("2021-09-20")
        );
        assert_eq!(
            parse_date("2024 年 1 月 12 日").as_deref(),
            Some("2024-01-12")
        );
        assert_eq!(parse_date("2021年10月28日").as_deref(), Some("2021-10-28"));
        assert_eq!(parse_date("2021년 9월 20일").as_deref(), Some("2021-09-20"));
    }

    #[test]
    fn european_month_names() {
        for (raw, want) in [
            ("28. Oktober 2021", "2021-10-28"),
            ("3. Mai 2022", "2022-05-03"),
            ("14. März 2022", "2022-03-14"),
            ("1. Dezember 2021", "2021-12-01"),
            ("28 octobre 2021", "2021-10-28"),
            ("3 févr. 2022", "2022-02-03"),
            ("12 juillet 2022", "2022-07-12"),
            ("12 juin 2022", "2022-06-12"),
            ("28 de octubre de 2021", "2021-10-28"),
            ("28 ottobre 2021", "2021-10-28"),
            ("28 de outubro de 2021", "2021-10-28"),
            ("28 марта 2022 г.", "2022-03-28"),
            ("3 мая 2022 г.", "2022-05-03"),
            ("28 октября 2021 г.", "2021-10-28"),
            ("September 20, 2021", "2021-09-20"),
            ("20 Sep 2021", "2021-09-20"),
        ] {
            assert_eq!(parse_date(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn numeric_shapes() {
        assert_eq!(parse_date("2022-07-21").as_deref(), Some("2022-07-21"));
        assert_eq!(parse_date("07/21/2022").as_deref(), Some("2022-07-21"));
    }

    #[test]
    fn words_that_only_contain_a_month_are_not_one() {
        // "Marketing" contains "mar", "Mayor" contains "may": whole words only.
        assert_eq!(parse_date("Marketing 2021 5"), None);
        assert_eq!(parse_date("Mayor 12 2021"), None);
    }

    #[test]
    fn unreadable_dates_keep_raw_only() {
        let u = parse_updated("  sometime last year ");
        assert_eq!(u.date, None);
        assert_eq!(u.raw, "sometime last year");
        assert_eq!(parse_date("2021 年 13 月 40 日"), None);
        assert_eq!(parse_date("—"), None);
    }
}
