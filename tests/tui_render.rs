mod tui_common;

use attest_tui::tui::Action;
use tui_common::*;

#[test]
fn debug_print() {
    let mut s = state();
    let b = draw(&mut s, 80, 24);
    println!("{}", screen(&b));
    apply(&mut s, [Action::FocusDetail, Action::SelectTab(4)]);
    let b = draw(&mut s, 80, 24);
    println!("{}", screen(&b));
}
