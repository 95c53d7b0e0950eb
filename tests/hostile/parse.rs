//! Parsing is linear in the page size. Each hostile shape (nested and unclosed brackets, link
//! openers, tags, parentheses) is put in a table cell and a paragraph of a markdown page and in
//! a rendered page, at two sizes four times apart; the parse's CPU time (this thread's, the
//! fastest of three runs, so other work on the machine counts little) may grow at most
//! `MAX_GROWTH` times. Linear work grows about 4 times, quadratic 16 times. Pages are at most
//! `files::MAX_PAGE_BYTES` (4 MiB) when imported, so this bounds an import's parse too.

use std::time::Duration;

use attest_tui::import::{read_markdown_page, rendered::parse_rendered_page};

const SMALL: usize = 32 << 10;
const MAX_GROWTH: f64 = 10.0;

fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    assert_eq!(
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) },
        0
    );
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn fastest_of_three(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let start = thread_cpu();
            f();
            thread_cpu() - start
        })
        .min()
        .unwrap()
}

fn shapes(n: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "nested brackets",
            format!("{}{}", "[".repeat(n / 2), "]".repeat(n / 2)),
        ),
        ("unclosed brackets", "[".repeat(n)),
        ("link openers", "[a](".repeat(n / 4)),
        ("tags", "<a>".repeat(n / 3)),
        ("parentheses", "(".repeat(n)),
        ("backticks", "`".repeat(n)),
    ]
}

const PAGE: &str = include_str!("../fixtures/pages/popp.md");
const ANCHOR: &str = "| ID | WA200003306 |\n";

/// A rendered page's shape: a title, the info header, then the hostile line.
fn rendered(hostile: &str) -> String {
    format!(
        "Contoso app\n\nInformation provided by Contoso to Microsoft:\n\nInformation\tResponse\nApp name\tContoso\n{hostile}\nID\tWA200000001\n"
    )
}

#[test]
fn parsing_work_grows_linearly_with_the_page() {
    let mut report = Vec::new();
    for ((label, small), (_, large)) in shapes(SMALL).into_iter().zip(shapes(4 * SMALL)) {
        for place in ["table cell", "paragraph", "rendered page"] {
            let page = |hostile: &str| match place {
                "table cell" => PAGE.replace(ANCHOR, &format!("{ANCHOR}| X | {hostile} |\n")),
                "paragraph" => PAGE.replace(ANCHOR, &format!("{ANCHOR}\n{hostile}\n\n")),
                _ => rendered(hostile),
            };
            let (a, b) = (page(&small), page(&large));
            let parse = |text: &str| {
                if place == "rendered page" {
                    let _ = parse_rendered_page(text, "x.txt");
                } else {
                    let _ = read_markdown_page(text, "x.md");
                }
            };
            let t_small = fastest_of_three(|| parse(&a));
            let t_large = fastest_of_three(|| parse(&b));
            // Below a millisecond the clock's granularity and fixed costs dominate.
            let growth = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-3);
            report.push(format!(
                "{label} in a {place}: {t_small:?} -> {t_large:?} ({growth:.1}x)"
            ));
            assert!(
                growth < MAX_GROWTH,
                "{label} in a {place}: 4x the text took {growth:.1}x the work\n{}",
                report.join("\n")
            );
        }
    }
    eprintln!("{}", report.join("\n"));
}
