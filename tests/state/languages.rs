//! The questionnaire's English labels in the TUI and the key that switches an app's language:
//! through `State::update`, and drawn at 80×24 and 200×50.

use crate::support::tui::{apply, draw, fixture, screen, type_text};
use attest_tui::model::{Block, Catalog, Translation};
use attest_tui::tui::state::{Item, Popup, QuestionLabels, State, TabKey};
use attest_tui::tui::{Action, Theme};
use insta::assert_snapshot;

/// The fixture with 联系人中心 also in German (its security zone reworded, one row unkeyed) and
/// its zh-CN security rows keyed as the importer keys them.
fn catalog() -> Catalog {
    let mut c = fixture();
    let app = &mut c.apps[0];
    let security = app
        .zones
        .iter_mut()
        .find(|z| z.pivot == "security")
        .unwrap();
    let keys = [
        Some("security.pentest_annual"),
        Some("security.mfa_enabled_for"),
        None, // a question the questionnaire does not know
    ];
    for (b, key) in security.blocks.iter_mut().zip(keys) {
        if let Block::Row(r) = b {
            r.key = key.and_then(attest_tui::questionnaire::QuestionKey::named);
        }
    }
    let mut de = app.primary_page();
    de.language = "de-DE".into();
    de.name = "Kontaktcenter".into();
    for z in &mut de.zones {
        for b in &mut z.blocks {
            if let Block::Row(r) = b {
                r.question = format!("Frage: {}", r.question).into();
            }
        }
    }
    de.zones.retain(|z| z.pivot == "security");
    app.translations.push(Translation { ..de });
    c
}

fn state() -> State {
    State::new(catalog(), "languages").with_theme(Theme::color())
}

fn security_tab(s: &mut State) {
    let tab = s
        .tabs()
        .iter()
        .position(|t| t.key == TabKey::Zone("security".into()))
        .unwrap();
    apply(s, [Action::Right, Action::SelectTab(tab)]);
}

#[test]
fn the_label_key_cycles_page_beside_english() {
    let mut s = state();
    assert_eq!(s.ui.labels, QuestionLabels::Page);
    s.update(Action::EnglishLabels);
    assert_eq!(s.ui.labels, QuestionLabels::Beside);
    assert!(s.message().unwrap().text.contains("beside"));
    s.update(Action::EnglishLabels);
    assert_eq!(s.ui.labels, QuestionLabels::English);
    s.update(Action::EnglishLabels);
    assert_eq!(s.ui.labels, QuestionLabels::Page);
}

#[test]
fn english_labels_replace_keyed_questions_and_keep_the_page_text_of_the_others() {
    let mut s = state();
    security_tab(&mut s);
    let page = screen(&draw(&mut s, 80, 24));
    assert!(page.contains("是否进行年度"), "{page}");
    assert!(!page.contains("Annual penetration"), "{page}");
    s.update(Action::EnglishLabels);
    let beside = screen(&draw(&mut s, 200, 50));
    assert!(beside.contains("是否进行年度渗透测试"), "{beside}");
    assert!(beside.contains("Annual penetration testing"), "{beside}");
    assert!(beside.contains("English label"), "{beside}");
    s.update(Action::EnglishLabels);
    let english = screen(&draw(&mut s, 80, 24));
    assert!(english.contains("Annual penetration testing"), "{english}");
    assert!(!english.contains("是否进行年度渗透测试"), "{english}");
    // The row with no key shows the page's question.
    assert!(english.contains("是否有事件响应计划"), "{english}");
    assert!(english.contains("Question (English)"), "{english}");
}

#[test]
fn the_tab_filter_finds_rows_by_their_english_label_and_the_popup_shows_it() {
    let mut s = state();
    security_tab(&mut s);
    apply(&mut s, [Action::StartSearch]);
    type_text(&mut s, "penetration");
    apply(&mut s, [Action::SearchAccept]);
    assert_eq!(s.items().len(), 1);
    let Item::Row(_) = s.items()[0] else {
        panic!("{:?}", s.items());
    };
    s.update(Action::Activate);
    let Some(Popup::Text { sections, .. }) = s.popup() else {
        panic!("no popup");
    };
    let labels: Vec<&str> = sections.iter().map(|x| x.label.as_str()).collect();
    assert_eq!(labels, ["Question", "English label", "Answer"]);
}

#[test]
fn the_language_key_switches_the_selected_app_through_its_languages() {
    let mut s = state();
    assert_eq!(s.current_app().unwrap().name, "联系人中心");
    assert!(s.update(Action::NextLanguage));
    let app = s.current_app().unwrap();
    assert_eq!(
        (app.language.as_str(), app.name.as_str()),
        ("de-DE", "Kontaktcenter")
    );
    assert!(s.message().unwrap().text.contains("shown in de-DE (1 of 2"));
    // The search follows the shown name.
    apply(&mut s, [Action::StartSearch]);
    type_text(&mut s, "Kontakt");
    apply(&mut s, [Action::SearchAccept]);
    assert_eq!(s.ui.list.matches.len(), 1);
    assert_eq!(s.current_app().unwrap().name, "Kontaktcenter");
    apply(&mut s, [Action::Back]); // clear the search: 联系人中心 does not match it
    assert!(s.update(Action::NextLanguage));
    assert_eq!(s.current_app().unwrap().language, "zh-CN");
}

#[test]
fn an_app_with_one_language_says_so() {
    let mut s = state();
    s.update(Action::MoveDown);
    assert_eq!(s.current_app().unwrap().name, "Contoso Notes");
    assert!(s.update(Action::NextLanguage));
    assert_eq!(s.current_app().unwrap().language, "en-US");
    assert_eq!(
        s.message().unwrap().text,
        "this app has one language: en-US"
    );
}

#[test]
fn the_score_follows_the_shown_language() {
    let mut s = state();
    let before = s.workspace.score_of(0).unwrap();
    s.update(Action::NextLanguage);
    // The German page has one zone only: its score is its own, not the Chinese page's.
    let after = s.workspace.score_of(0).unwrap();
    let expected = attest_tui::score::score_totals(
        std::slice::from_ref(&s.workspace.catalog.apps[0]),
        &s.workspace.risk,
        &s.workspace.config.score,
    )[0];
    assert_eq!(after, expected);
    assert_ne!(before, after);
}

#[test]
fn labels_beside_at_80x24() {
    let mut s = state();
    security_tab(&mut s);
    s.update(Action::EnglishLabels);
    assert_snapshot!(screen(&draw(&mut s, 80, 24)));
}

#[test]
fn labels_instead_at_200x50() {
    let mut s = state();
    security_tab(&mut s);
    apply(&mut s, [Action::EnglishLabels, Action::EnglishLabels]);
    assert_snapshot!(screen(&draw(&mut s, 200, 50)));
}

#[test]
fn another_language_at_80x24_names_the_languages_in_the_header() {
    let mut s = state();
    apply(&mut s, [Action::NextLanguage]);
    security_tab(&mut s);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("Kontaktcenter · de-DE (+zh-CN)"), "{text}");
    assert_snapshot!(text);
}

#[test]
fn another_language_with_labels_beside_at_200x50() {
    let mut s = state();
    apply(&mut s, [Action::NextLanguage, Action::EnglishLabels]);
    security_tab(&mut s);
    assert_snapshot!(screen(&draw(&mut s, 200, 50)));
}

#[test]
fn the_compare_view_shows_english_labels_too() {
    let mut s = state();
    apply(&mut s, [Action::Mark, Action::MoveDown, Action::Compare]);
    assert_eq!(s.mode(), attest_tui::tui::Mode::Compare);
    let security = s
        .compare_view()
        .unwrap()
        .comparison
        .zones
        .iter()
        .position(|z| z.pivot == "security")
        .unwrap();
    apply(&mut s, [Action::SelectTab(security)]);
    let page = screen(&draw(&mut s, 200, 50));
    assert!(page.contains("是否进行年度渗透测试"), "{page}");
    apply(&mut s, [Action::EnglishLabels]);
    assert_eq!(s.mode(), attest_tui::tui::Mode::Compare, "the view stays");
    let beside = screen(&draw(&mut s, 200, 50));
    assert!(beside.contains("Annual penetration testing"), "{beside}");
    assert!(beside.contains("是否进行年度渗透测试"), "{beside}");
    apply(&mut s, [Action::EnglishLabels]);
    let english = screen(&draw(&mut s, 80, 24));
    assert!(english.contains("Annual penetration"), "{english}");
    assert!(!english.contains("是否进行年度渗透测试"), "{english}");
    assert_snapshot!(english);
}
