//! Swap keeps the cursor on the same line; the header shows each side's risk and score.

use attest_tui::tui::state::layers::{CompareRow, PermSection};
use attest_tui::tui::{Action, State};
use insta::assert_snapshot;

use crate::support::tui::{apply, draw, screen, state};

/// What the selected line shows: its questions (A, B) or its permission name.
fn selected_line(s: &State) -> (CompareRow, String) {
    let v = s.compare_view().expect("a compare view");
    let row = v.rows()[v.scroll().selected];
    let what = match row {
        CompareRow::Zone(i) => {
            let r = &v.comparison.zones[v.tab].rows[i];
            let q = |c: &Option<attest_tui::compare::Cell>| {
                c.as_ref().map(|c| c.question.clone()).unwrap_or_default()
            };
            format!("{} | {}", q(&r.a), q(&r.b))
        }
        CompareRow::Perm(sec, i) => {
            let p = &v.comparison.permissions;
            let list = [&p.only_a, &p.only_b, &p.both][sec as usize];
            list[i].name.clone()
        }
        other => format!("{other:?}"),
    };
    (row, what)
}

fn compare_first_two() -> State {
    let mut s = state();
    let (a, b) = (s.ui.list.matches[0].index, s.ui.list.matches[1].index);
    s.update(Action::CompareApps { a, b });
    s
}

#[test]
fn swap_keeps_the_cursor_on_the_same_zone_row() {
    let mut s = compare_first_two();
    draw(&mut s, 120, 35);
    apply(
        &mut s,
        [Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let (_, before) = selected_line(&s);
    let (qa, qb) = before.split_once(" | ").unwrap();
    s.update(Action::Swap);
    let (_, after) = selected_line(&s);
    assert_eq!(
        after,
        format!("{qb} | {qa}"),
        "the same row, sides exchanged"
    );
    assert_ne!(s.compare_view().unwrap().scroll().selected, 0);
}

#[test]
fn swap_keeps_the_cursor_on_the_same_permission() {
    let mut s = compare_first_two();
    let perms = s.compare_view().unwrap().tab_count() - 1;
    s.update(Action::SelectTab(perms));
    draw(&mut s, 120, 35);
    // The last permission "only in A" moves to "only in B", which comes second.
    let v = s.compare_view().unwrap();
    let last_a = v
        .rows()
        .iter()
        .rposition(|r| matches!(r, CompareRow::Perm(PermSection::OnlyA, _)))
        .expect("A has a permission B lacks");
    s.update(Action::ClickRow(last_a));
    let (row, name) = selected_line(&s);
    s.update(Action::Swap);
    let (row_after, name_after) = selected_line(&s);
    assert_eq!(name_after, name);
    assert!(
        matches!(
            (row, row_after),
            (
                CompareRow::Perm(PermSection::OnlyA, _),
                CompareRow::Perm(PermSection::OnlyB, _)
            )
        ),
        "{row:?} → {row_after:?}"
    );
}

#[test]
fn the_compare_header_shows_risk_and_score_of_each_side() {
    let mut s = compare_first_two();
    let v = s.compare_view().unwrap();
    let (a, b) = (v.a, v.b);
    let score = |i: usize| format!("Score {:.1}", s.workspace.scores[i]);
    let (sa, sb) = (score(a), score(b));
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains(&sa) && text.contains(&sb), "{text}");
    assert!(text.matches("Risk ").count() >= 2, "{text}");
    assert_snapshot!("compare_header_80x24", text);
    let text = screen(&draw(&mut s, 200, 50));
    assert_snapshot!("compare_header_200x50", text);
}
