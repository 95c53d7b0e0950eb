//! Reading and searching in a real terminal (issue 13): rows that differ only at their end
//! stay apart at 80×24, `/` finds with highlighted matches and `n` goes on, in the help and in
//! the permission index.

use std::path::{Path, PathBuf};

use crate::support::corpus::{ALLOW_MISSING, corpus_dir, corpus_path};
use crate::support::pty::Pty;
use attest_tui::import::{ImportOptions, import_paths};
use attest_tui::model::Block;

fn data_dir() -> PathBuf {
    std::env::temp_dir().join("attest-tui-e2e-reading")
}

/// The corpus, or None with a note; a missing corpus fails unless it is allowed to be missing,
/// so a skip is never silent.
fn corpus() -> Option<PathBuf> {
    let dir = corpus_dir();
    if dir.is_none() {
        assert!(
            std::env::var_os(ALLOW_MISSING).is_some(),
            "corpus not found at {} (set {ALLOW_MISSING} to skip)",
            corpus_path().display()
        );
        eprintln!("skipped: SOC 2 / SOC 3 rows need the corpus");
    }
    dir
}

/// A page of the corpus with a row asking about SOC 2 and one about SOC 3: its path, its zone
/// (tab number) and the two questions. Found in the pages, whatever their language.
fn page_with_soc_2_and_3(dir: &Path) -> Option<(PathBuf, usize, String, String)> {
    let mut pages: Vec<PathBuf> = walk(dir);
    pages.sort();
    for page in pages {
        let Ok((catalog, _)) = import_paths(std::slice::from_ref(&page), &ImportOptions::default())
        else {
            continue;
        };
        for app in &catalog.apps {
            for (z, zone) in app.zones.iter().enumerate() {
                let asks = |n: &str| {
                    zone.blocks.iter().find_map(|b| match b {
                        Block::Row(r) if r.question.contains(&format!("(SOC {n})")) => {
                            Some(r.question.to_string())
                        }
                        _ => None,
                    })
                };
                if let (Some(a), Some(b)) = (asks("2"), asks("3"))
                    && z < 9
                {
                    return Some((page, z + 1, a, b));
                }
            }
        }
    }
    None
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|e| e == "md") && !p.ends_with("-apps.md") {
            out.push(p);
        }
    }
    out
}

/// The text of the question column of the detail pane, read cell by cell (CJK takes two
/// columns): from the `Question` header's column up to the `Answer` header's, every line of
/// the pane below the header, joined without spaces.
fn question_column(pty: &Pty) -> (String, usize) {
    let screen = pty.parser.screen();
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let row_text = |y: u16| -> Vec<(u16, String)> {
        (0..cols)
            .map(|x| {
                (
                    x,
                    screen
                        .cell(y, x)
                        .map(|c| c.contents().to_string())
                        .unwrap_or_default(),
                )
            })
            .collect()
    };
    let find = |cells: &[(u16, String)], word: &str| {
        let text: String = cells
            .iter()
            .map(|(_, c)| if c.is_empty() { " " } else { c.as_str() })
            .collect();
        text.find(word).map(|b| text[..b].chars().count() as u16)
    };
    let (header, q, a) = (0..rows)
        .find_map(|y| {
            let cells = row_text(y);
            Some((y, find(&cells, "Question")?, find(&cells, "Answer")?))
        })
        .expect("the column header");
    let mut out = String::new();
    for y in header + 1..rows {
        let cells = row_text(y);
        if cells.iter().any(|(_, c)| c == "└") {
            break;
        }
        for (_, c) in &cells[q as usize..a as usize] {
            out.push_str(c);
        }
    }
    let text = out.chars().filter(|c| !c.is_whitespace()).collect();
    (text, usize::from(a - q))
}

#[test]
fn soc_2_and_soc_3_rows_are_told_apart_at_80x24() {
    let Some(dir) = corpus() else { return };
    let Some((page, tab, soc2, soc3)) = page_with_soc_2_and_3(&dir) else {
        panic!(
            "no page of {} asks about both SOC 2 and SOC 3",
            dir.display()
        );
    };
    let page = page.to_string_lossy().into_owned();
    for question in [&soc2, &soc3] {
        let mut pty = Pty::binary(&["--catalog", &page], &data_dir(), 80, 24);
        pty.wait_for("Apps 1/1");
        pty.send("\r");
        pty.wait_for("DETAIL");
        pty.send(&tab.to_string());
        // Filter the tab down to the one row (its question as typed), then read it back.
        pty.send("/");
        pty.send(question);
        pty.send("\r");
        pty.wait_for("1 shown");
        let screen = pty.screen();
        let (shown, column) = question_column(&pty);
        let want: String = question.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            shown.contains(&want),
            "the whole question {question:?} is on screen:\n{screen}"
        );
        assert!(!shown.contains('…'), "nothing is cut:\n{screen}");
        // The control: cut instead of wrapped (`w`), a question wider than its column is not
        // whole any more. (Short questions, as in some languages, fit either way.)
        if attest_tui::text::display_width(question) > column {
            pty.send("w");
            let start = std::time::Instant::now();
            while !question_column(&pty).0.contains('…')
                && start.elapsed() < crate::support::pty::TIMEOUT
            {
                pty.pump(std::time::Duration::from_millis(50));
            }
            let (cut, _) = question_column(&pty);
            assert!(
                !cut.contains(&want),
                "cut rows lose the end:\n{}",
                pty.screen()
            );
        }
        pty.send("q");
        assert_eq!(pty.wait_exit(), 0);
    }
    assert_ne!(soc2, soc3);
}

/// Wait until the prompt has closed (the status line no longer says SEARCH).
fn wait_prompt_closed(pty: &mut Pty) {
    let start = std::time::Instant::now();
    while pty.screen().contains("SEARCH") {
        assert!(
            start.elapsed() < crate::support::pty::TIMEOUT,
            "the prompt stays open:\n{}",
            pty.screen()
        );
        pty.pump(std::time::Duration::from_millis(50));
    }
}

/// The vt100 cells of the row holding `text`, and where `text` starts in it.
fn cells_of(pty: &Pty, text: &str) -> Option<(u16, u16)> {
    let screen = pty.parser.screen();
    let (_, cols) = screen.size();
    screen.contents().lines().enumerate().find_map(|(y, line)| {
        let at = line.find(text)?;
        let x = line[..at].chars().count() as u16;
        (x < u16::from(cols)).then_some((y as u16, x))
    })
}

#[test]
fn slash_in_the_help_highlights_matches_and_n_goes_to_the_next() {
    let mut pty = Pty::binary(
        &["--catalog", "tests/fixtures/tui_catalog.json"],
        &data_dir(),
        80,
        24,
    );
    pty.wait_for("Apps 4/4");
    pty.send("?");
    pty.wait_for("App list (here)");
    pty.send("/differ");
    pty.wait_for("/differ");
    pty.send("\r");
    wait_prompt_closed(&mut pty);
    let first = pty.screen();
    let count = |s: &str| {
        s.lines()
            .find_map(|l| l.split("/differ").nth(1))
            .map(|rest| rest.split_whitespace().next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    let c1 = count(&first);
    assert!(c1.starts_with("1/"), "count after typing: {c1:?}\n{first}");
    // The match is highlighted: its first letter bold in the highlight color.
    let (y, x) = cells_of(&pty, "differ").expect("a match on screen");
    let cell = pty.parser.screen().cell(y, x).unwrap().clone();
    assert!(cell.bold(), "highlighted bold");
    assert_ne!(
        cell.fgcolor(),
        vt100::Color::Default,
        "highlighted in color"
    );
    pty.send("n");
    pty.wait_for(&format!("/differ  2/{}", &c1[2..]));
    pty.send("N");
    pty.wait_for(&format!("/differ  1/{}", &c1[2..]));
    pty.send("q");
    pty.wait_for("LIST");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}

#[test]
fn slash_in_the_permission_index_finds_and_n_goes_on() {
    let mut pty = Pty::binary(
        &["--catalog", "tests/fixtures/tui_catalog.json"],
        &data_dir(),
        80,
        24,
    );
    pty.wait_for("Apps 4/4");
    pty.send("p");
    pty.wait_for("INDEX");
    pty.send("/read");
    pty.wait_for("/read");
    pty.send("\r");
    wait_prompt_closed(&mut pty);
    let screen = pty.screen();
    let bar = screen
        .lines()
        .find_map(|l| l.split("/read").nth(1).map(str::to_string))
        .unwrap();
    let total: usize = bar
        .split_whitespace()
        .next()
        .and_then(|c| c.split('/').nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {bar:?}:\n{screen}"));
    assert!(total > 1, "{screen}");
    pty.send("n");
    pty.wait_for(&format!("/read  2/{total}"));
    pty.send("q");
    pty.wait_for("LIST");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0);
}
