//! Triage features of `State::update`: review decisions saved at once (and kept pending when the
//! save fails), notes, bookmarks, the query-language filter, sort, the permission index,
//! export, copy, open and key overrides from the config.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};

use crate::support::tui::{draw, fixture, screen, type_text};
use attest_tui::config::Config;
use attest_tui::model::{Catalog, Permission, PermissionKind};
use attest_tui::review::{Decision, ReviewStore};
use attest_tui::tui::effects::Effect;
use attest_tui::tui::keymap::Problem;
use attest_tui::tui::state::Focus;
use attest_tui::tui::state::MessageKind;
use attest_tui::tui::state::{Layer, Popup};
use attest_tui::tui::{Action, Mode, State, Theme, keymap_from_config, perform_effects};
use attest_tui::workspace::{SortKey, Workspace};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The state as the event loop drives it: each update followed by the effects it asked for
/// (saves to the review file in a folder, exports into it; nothing is opened here).
struct Driven {
    state: State,
    export_dir: PathBuf,
    terminal: Vec<u8>,
}

impl Driven {
    fn update(&mut self, action: Action) -> bool {
        let changed = self.state.update(action);
        assert!(
            !self
                .state
                .ui
                .effects
                .iter()
                .any(|e| matches!(e, Effect::Open(_))),
            "these tests open nothing"
        );
        changed | perform_effects(&mut self.state, &mut self.terminal, &self.export_dir)
    }
}

impl Deref for Driven {
    type Target = State;
    fn deref(&self) -> &State {
        &self.state
    }
}

impl DerefMut for Driven {
    fn deref_mut(&mut self) -> &mut State {
        &mut self.state
    }
}

/// A driven state whose review file and exports are in `dir`.
fn state_on(catalog: Catalog, dir: &Path) -> Driven {
    let mut ws = Workspace::in_memory(catalog, "tui_catalog.json");
    let (store, warnings) = ReviewStore::open(dir);
    ws.reviews = store;
    ws.warnings = warnings;
    Driven {
        state: State::from_workspace(ws).with_theme(Theme::color()),
        export_dir: dir.to_path_buf(),
        terminal: Vec::new(),
    }
}

fn selected_id(s: &State) -> String {
    s.current_app().unwrap().id.clone()
}

fn ids(s: &State) -> Vec<String> {
    s.ui.list
        .matches
        .iter()
        .map(|m| s.workspace.catalog.apps[m.index].id.clone())
        .collect()
}

fn search(s: &mut State, q: &str) {
    s.update(Action::StartSearch);
    s.update(Action::SearchClear);
    type_text(s, q);
}

#[test]
fn decision_keys_update_the_store_save_it_and_show_a_badge() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    let id = selected_id(&s);
    for (action, want) in [
        (Action::Approve, Some(Decision::Approved)),
        (Action::NeedsReview, Some(Decision::NeedsReview)),
        (Action::Block, Some(Decision::Blocked)),
    ] {
        assert!(s.update(action));
        assert_eq!(s.workspace.reviews.get(&id).unwrap().decision, want);
        assert!(!s.workspace.reviews.has_pending(), "saved at once");
        // What another instance would read from disk.
        let (disk, _) = ReviewStore::open(dir.path());
        assert_eq!(disk.get(&id).unwrap().decision, want);
    }
    let m = s.message().unwrap();
    assert_eq!(m.kind, MessageKind::Info);
    assert!(m.text.contains("blocked"), "{}", m.text);
    let text = screen(&draw(&mut s, 80, 24));
    let first_row = text.lines().nth(1).unwrap();
    assert!(first_row.contains('✗'), "blocked badge in the list: {text}");
    assert!(
        text.contains("Score 3.3 · blocked"),
        "header names the decision: {text}"
    );

    s.update(Action::ClearDecision);
    let (disk, _) = ReviewStore::open(dir.path());
    assert!(
        disk.get(&id).is_none(),
        "an empty review is dropped from the file"
    );
}

#[test]
fn a_failing_save_keeps_the_change_pending_shows_an_error_and_retries_on_the_next_change() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a regular file").unwrap();
    let data = blocker.join("data");
    let mut s = state_on(fixture(), &data);
    let first = selected_id(&s);
    s.update(Action::Block);
    assert_eq!(
        s.workspace.reviews.get(&first).unwrap().decision,
        Some(Decision::Blocked),
        "the change is kept in memory"
    );
    assert!(s.workspace.reviews.has_pending());
    let m = s.message().unwrap().clone();
    assert_eq!(m.kind, MessageKind::Error);
    assert!(m.text.contains("cannot save"), "{}", m.text);
    let buf = draw(&mut s, 80, 24);
    let status = screen(&buf).lines().nth(22).unwrap().to_string();
    assert!(status.contains("cannot save"), "visible: {status}");
    let x = status.find("cannot").unwrap() as u16;
    assert_eq!(buf[(x, 22)].bg, Theme::color().message_error.bg.unwrap());

    // The disk is fixed; the next change saves both.
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir_all(&data).unwrap();
    s.update(Action::MoveDown);
    let second = selected_id(&s);
    s.update(Action::ToggleBookmark);
    assert!(!s.workspace.reviews.has_pending());
    assert_eq!(s.message().unwrap().kind, MessageKind::Info);
    let (disk, _) = ReviewStore::open(&data);
    assert_eq!(disk.get(&first).unwrap().decision, Some(Decision::Blocked));
    assert!(disk.get(&second).unwrap().bookmark);
}

#[test]
fn quit_with_unsaved_changes_asks_first_then_quits_on_the_second_ask() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a regular file").unwrap();
    let mut s = state_on(fixture(), &blocker.join("data"));
    s.update(Action::Block);
    assert!(s.workspace.reviews.has_pending());
    // `update` only asks; the save is tried by the effect, and the answer keeps the TUI open.
    s.state.update(Action::Quit);
    assert_eq!(s.state.ui.effects, vec![Effect::CheckQuit]);
    assert!(!s.ui.quit);
    let mut sink = Vec::new();
    perform_effects(&mut s.state, &mut sink, dir.path());
    assert!(!s.ui.quit, "the first ask only warns");
    let m = s.message().unwrap().clone();
    assert_eq!(m.kind, MessageKind::Error);
    assert!(m.text.contains("NOT SAVED — press q again"), "{}", m.text);
    s.update(Action::Quit);
    assert!(
        s.ui.quit,
        "asking again quits (the rescue file is written after)"
    );
}

#[test]
fn quit_with_everything_saved_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    s.update(Action::Approve);
    assert!(!s.workspace.reviews.has_pending());
    s.state.update(Action::Quit);
    assert!(s.ui.quit);
    assert!(s.state.ui.effects.is_empty());
}

#[test]
fn bookmark_toggles_and_the_note_editor_saves_or_discards() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    let id = selected_id(&s);
    s.update(Action::ToggleBookmark);
    assert!(s.workspace.reviews.get(&id).unwrap().bookmark);
    s.update(Action::ToggleBookmark);
    assert!(!s.workspace.reviews.get(&id).is_some_and(|r| r.bookmark));

    s.update(Action::EditNote);
    assert_eq!(s.mode(), Mode::Note);
    for c in "vendor call".chars() {
        s.update(Action::NoteInput(c));
    }
    s.update(Action::NoteBackspace);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("vendor cal"), "{text}");
    s.update(Action::NoteAccept);
    assert_eq!(s.mode(), Mode::List);
    let (disk, _) = ReviewStore::open(dir.path());
    assert_eq!(disk.get(&id).unwrap().note, "vendor cal");

    s.update(Action::EditNote);
    s.update(Action::NoteClear);
    s.update(Action::NoteInput('x'));
    s.update(Action::NoteCancel);
    assert_eq!(s.workspace.reviews.get(&id).unwrap().note, "vendor cal");
}

#[test]
fn the_filter_bar_takes_the_query_language_and_keeps_the_last_result_on_an_error() {
    let mut s = crate::support::tui::state();
    search(&mut s, "kind:application");
    let want: Vec<String> = s
        .workspace
        .catalog
        .apps
        .iter()
        .filter(|a| a.application_permission_count() > 0)
        .map(|a| a.id.clone())
        .collect();
    let mut got = ids(&s);
    got.sort();
    let mut want_sorted = want.clone();
    want_sorted.sort();
    assert_eq!(got, want_sorted);
    assert!(s.ui.list.query_error.is_none());

    let before = ids(&s);
    type_text(&mut s, " \"SOC");
    let e = s.ui.list.query_error.clone().expect("an error");
    assert_eq!(e.position, "kind:application ".len());
    assert!(e.message.contains("unclosed quote"), "{}", e.message);
    assert_eq!(ids(&s), before, "the last valid result stays shown");

    let buf = draw(&mut s, 80, 24);
    let text = screen(&buf);
    // Under the bar: a caret under column 18, the message wrapped to the pane.
    let row = |y: usize| text.lines().nth(y).unwrap_or_default().to_string();
    assert_eq!(row(2).chars().position(|c| c == '^'), Some(19), "{text}");
    assert!(row(3).contains("unclosed quote: expected a"), "{text}");
    assert!(
        text.contains("filter, column 18: unclosed quote: expected a closing"),
        "the whole message in the status line: {text}"
    );
    // The bad part is underlined on the filter bar (row 1, after the border and "/").
    let x = 2 + e.position as u16;
    let underlined = |x: u16| {
        buf[(x, 1)]
            .modifier
            .contains(ratatui::style::Modifier::UNDERLINED)
    };
    assert!(underlined(x) && underlined(x + 3), "{text}");
    assert!(!underlined(x - 2), "the valid part is not: {text}");

    // An unknown key is an error at that token.
    s.update(Action::SearchClear);
    type_text(&mut s, "notes colour:red");
    let e = s.ui.list.query_error.clone().expect("an error");
    assert_eq!((e.position, e.len), (6, "colour:red".len()));
    assert!(e.message.contains("colour"), "{}", e.message);

    s.update(Action::SearchCancel);
    assert!(s.ui.list.query_error.is_none());
    assert_eq!(s.ui.list.matches.len(), s.workspace.catalog.apps.len());
}

#[test]
fn review_filters_see_decisions_made_in_the_tui() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    let id = selected_id(&s);
    s.update(Action::Block);
    search(&mut s, "review:blocked");
    s.update(Action::SearchAccept);
    assert_eq!(ids(&s), vec![id]);
}

#[test]
fn sort_cycles_through_the_keys_and_back_to_relevance() {
    let mut s = crate::support::tui::state();
    let relevance = ids(&s);
    let mut seen = Vec::new();
    for _ in 0..6 {
        s.update(Action::CycleSort);
        seen.push(s.ui.list.sort);
    }
    assert_eq!(
        seen,
        vec![
            Some(SortKey::Name),
            Some(SortKey::Publisher),
            Some(SortKey::Score),
            Some(SortKey::Permissions),
            Some(SortKey::Updated),
            None
        ]
    );
    assert_eq!(ids(&s), relevance);
    // By score: lowest first, and the title says so.
    s.update(Action::CycleSort);
    s.update(Action::CycleSort);
    s.update(Action::CycleSort);
    let scores: Vec<f64> =
        s.ui.list
            .matches
            .iter()
            .map(|m| s.workspace.score_of(m.index).unwrap())
            .collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("by score"), "{text}");
    // Permissions: most first.
    s.update(Action::CycleSort);
    let perms: Vec<usize> =
        s.ui.list
            .matches
            .iter()
            .map(|m| s.workspace.catalog.apps[m.index].permissions.len())
            .collect();
    assert!(perms.windows(2).all(|w| w[0] >= w[1]), "{perms:?}");
}

#[test]
fn the_permission_index_counts_apps_per_permission_and_jumps_to_one() {
    let mut s = crate::support::tui::state();
    s.update(Action::OpenPermIndex);
    assert_eq!(s.mode(), Mode::Index);
    let Some(Layer::Index(ix)) = s.ui.layers.last() else {
        panic!("index open");
    };
    for e in &ix.perms {
        let n = s
            .workspace
            .catalog
            .apps
            .iter()
            .filter(|a| {
                a.permissions
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(&e.name) && p.kind == e.kind)
            })
            .count();
        assert_eq!(e.apps.len(), n, "{}", e.name);
    }
    assert!(
        ix.perms.windows(2).all(|w| w[0].tier >= w[1].tier),
        "worst tier first"
    );
    // The shared registration of the fixture: two apps.
    assert!(
        ix.regs
            .iter()
            .any(|r| r.id == "341e195c-b261-4b05-8ba5-dd4a89b1f3e7" && r.apps.len() == 2),
        "{:?}",
        ix.regs
    );
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("Permission index"), "{text}");
    assert!(text.contains("INDEX"), "{text}");

    // Pick the permission requested by the most apps, open its apps, jump to the second one.
    let Some(Layer::Index(ix)) = s.ui.layers.last() else {
        unreachable!()
    };
    let (pos, entry) = ix
        .perms
        .iter()
        .enumerate()
        .max_by_key(|(_, e)| e.apps.len())
        .map(|(i, e)| (i, e.clone()))
        .unwrap();
    assert!(entry.apps.len() >= 2, "{entry:?}");
    for _ in 0..pos {
        s.update(Action::MoveDown);
    }
    s.update(Action::Activate);
    s.update(Action::MoveDown);
    s.update(Action::Activate);
    assert!(s.ui.layers.is_empty());
    assert_eq!(s.current_app_index(), Some(entry.apps[1]));
    assert_eq!(s.ui.focus, Focus::Detail);
    assert_eq!(s.current_tab().unwrap().zone, None, "the Permissions tab");

    // Tab switches to registrations; Esc leaves.
    s.update(Action::OpenPermIndex);
    s.update(Action::IndexSwitch);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("341e195c"), "{text}");
    s.update(Action::IndexBack);
    assert!(s.ui.layers.is_empty());
}

#[test]
fn export_writes_a_csv_whose_rows_are_the_shown_apps() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    search(&mut s, "kind:application");
    s.update(Action::SearchAccept);
    s.update(Action::CycleSort);
    s.update(Action::Export);
    s.update(Action::Activate);
    let m = s.message().unwrap().clone();
    assert_eq!(m.kind, MessageKind::Info, "{}", m.text);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "csv"))
        .expect("a CSV file");
    assert!(m.text.contains(&file.display().to_string()), "{}", m.text);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("id,"),
        "plain CSV, the first choice: no byte-order mark"
    );
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_string()).collect();
    assert_eq!(rows, ids(&s));
    assert!(!rows.is_empty());
}

#[test]
fn export_asks_plain_or_excel_and_esc_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    let csvs = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "csv"))
            .collect()
    };
    s.update(Action::Export);
    assert!(matches!(s.mode(), attest_tui::tui::Mode::Popup));
    s.update(Action::CloseOverlay);
    assert!(csvs(dir.path()).is_empty(), "cancelled");
    s.update(Action::Export);
    s.update(Action::MoveDown);
    s.update(Action::Activate);
    assert!(s.ui.layers.is_empty(), "the choice closes");
    let files = csvs(dir.path());
    assert_eq!(files.len(), 1);
    let bytes = std::fs::read(&files[0]).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFid,"),
        "Excel's byte-order mark"
    );
}

#[test]
fn export_into_an_unwritable_place_is_a_message_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    let file = dir.path().join("f");
    std::fs::write(&file, "x").unwrap();
    s.export_dir = file.join("sub");
    s.update(Action::Export);
    s.update(Action::Activate);
    assert_eq!(s.message().unwrap().kind, MessageKind::Error);
}

#[test]
fn copy_asks_for_the_app_id_in_the_list_and_the_answer_in_the_detail() {
    let mut s = crate::support::tui::state();
    s.update(Action::Copy);
    assert_eq!(s.take_effects(), vec![Effect::Copy(selected_id(&s))]);
    s.update(Action::Activate);
    assert_eq!(s.mode(), Mode::Detail);
    s.update(Action::Copy);
    let effects = s.take_effects();
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(text.contains("Landis"), "the first row's answer: {text}");
    assert!(s.take_effects().is_empty(), "taken once");
}

#[test]
fn open_only_starts_http_links() {
    let mut cat = fixture();
    cat.apps[0].links.appsource = Some("https://appsource.microsoft.com/x".into());
    cat.apps[1].links.teams = Some("javascript:alert(1)".into());
    let mut s = State::new(cat, "t");
    s.update(Action::OpenLink);
    assert_eq!(
        s.take_effects(),
        vec![Effect::Open("https://appsource.microsoft.com/x".into())]
    );
    s.update(Action::MoveDown);
    s.update(Action::OpenLink);
    assert!(s.take_effects().is_empty());
    assert_eq!(s.message().unwrap().kind, MessageKind::Error);
    s.update(Action::MoveDown);
    s.update(Action::OpenLink);
    assert!(s.take_effects().is_empty());
    assert!(s.message().unwrap().text.contains("no AppSource"));
}

#[test]
fn explain_score_opens_a_popup_with_the_computation() {
    let mut s = crate::support::tui::state();
    s.update(Action::ExplainScore);
    assert!(matches!(
        s.ui.layers.last(),
        Some(Layer::Popup(Popup::Score { app: 0, .. }))
    ));
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("Score"), "{text}");
    assert!(text.contains("Base"), "{text}");
    assert!(text.contains("weighted mean"), "{text}");
    s.update(Action::CloseOverlay);
    assert!(s.ui.layers.is_empty());
}

#[test]
fn load_warnings_are_shown_once_at_start() {
    let mut ws = Workspace::in_memory(fixture(), "t");
    ws.warnings = vec!["review state moved aside to state.json.corrupt-1".into()];
    let mut s = State::from_workspace(ws);
    assert_eq!(s.message().unwrap().kind, MessageKind::Warning);
    let text = screen(&draw(&mut s, 80, 24));
    // The log opens at once, with the warning whole.
    assert!(text.contains("Log of this run (1)"), "{text}");
    assert!(text.contains("moved aside"), "{text}");
}

fn config(toml: &str) -> Config {
    Config::parse(toml, Path::new("config.toml")).unwrap()
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn key_overrides_replace_the_keys_of_an_action() {
    let km = keymap_from_config(&config(
        "[keys.list]\napprove = \"A\"\nsearch = \"f\"\n[keys.detail]\nquit = \"ctrl-q\"\n",
    ))
    .unwrap();
    assert_eq!(km.lookup(Mode::List, &press('A')), Some(Action::Approve));
    assert_eq!(km.lookup(Mode::List, &press('a')), None);
    assert_eq!(
        km.lookup(Mode::List, &press('f')),
        Some(Action::StartSearch)
    );
    assert_eq!(km.lookup(Mode::List, &press('/')), None);
    assert_eq!(
        km.lookup(Mode::Detail, &press('/')),
        Some(Action::StartSearch)
    );
    let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(km.lookup(Mode::Detail, &ctrl_q), Some(Action::Quit));
    assert!(
        km.hints(Mode::List)
            .iter()
            .any(|(k, h)| k == "f" && *h == "search")
    );
}

#[test]
fn compare_keys_can_be_rebound_too() {
    let km = keymap_from_config(&config(
        "[keys.compare]\nswap = \"x\"\nreplace_left = \"L\"\nnext_difference = \"ctrl-n\"\n\
         [keys.list]\nmark = \"M\"\n[keys.picker]\nsearch_accept = \"tab\"\n",
    ))
    .unwrap();
    assert_eq!(km.lookup(Mode::Compare, &press('x')), Some(Action::Swap));
    assert_eq!(km.lookup(Mode::Compare, &press('s')), None);
    assert_eq!(
        km.lookup(Mode::Compare, &press('L')),
        Some(Action::ReplaceLeft)
    );
    assert_eq!(
        km.lookup(Mode::Compare, &press('r')),
        Some(Action::ReplaceRight)
    );
    let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(
        km.lookup(Mode::Compare, &ctrl_n),
        Some(Action::NextDifference)
    );
    assert_eq!(km.lookup(Mode::List, &press('M')), Some(Action::Mark));
    assert_eq!(km.lookup(Mode::List, &press('m')), None);
    // Marking in the detail pane keeps its own key.
    assert_eq!(km.lookup(Mode::Detail, &press('m')), Some(Action::Mark));
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(km.lookup(Mode::Picker, &tab), Some(Action::SearchAccept));
    // A compare key on a key the view already uses is a clash, named as such.
    let e = keymap_from_config(&config("[keys.compare]\nswap = \"d\"\n")).unwrap_err();
    assert!(matches!(e.problem, Problem::Duplicate { .. }), "{e:?}");
    assert!(e.to_string().contains("`only_differences`"), "{e}");
}

#[test]
fn bad_key_overrides_are_errors_naming_the_config_entry() {
    let err = |toml: &str| keymap_from_config(&config(toml)).unwrap_err();
    let e = err("[keys.list]\nsearch = \"j\"\n");
    assert!(matches!(e.problem, Problem::Duplicate { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(msg.contains("[keys.list] search"), "{msg}");
    assert!(msg.contains("`down`"), "names the other action: {msg}");

    let e = err("[keys.list]\napprove = \"x\"\nblock = \"x\"\n");
    assert!(e.to_string().contains("[keys.list]"), "{e}");

    let e = err("[keys.lsit]\nsearch = \"/\"\n");
    assert_eq!(
        e.problem,
        Problem::UnknownMode {
            mode: "lsit".into()
        }
    );
    assert!(e.to_string().contains("[keys.lsit]"));

    let e = err("[keys.list]\nserach = \"/\"\n");
    assert!(matches!(e.problem, Problem::UnknownAction { .. }));
    assert!(e.to_string().contains("[keys.list] serach"), "{e}");

    let e = err("[keys.list]\nsearch = \"ctrl-\"\n");
    assert!(matches!(e.problem, Problem::BadKey { .. }), "{e:?}");
    let e = err("[keys.list]\nsearch = \"hyper-x\"\n");
    assert!(e.to_string().contains("cannot read the key"), "{e}");

    let e = err("[keys.search]\napprove = \"a\"\n");
    assert!(matches!(e.problem, Problem::NotInMode { .. }), "{e:?}");
}

#[test]
fn an_empty_config_gives_the_default_table() {
    let km = keymap_from_config(&Config::default()).unwrap();
    let def = attest_tui::tui::Keymap::default();
    for mode in Mode::all() {
        assert_eq!(km.help(mode), def.help(mode));
    }
}

#[test]
fn a_permission_of_the_critical_tier_makes_the_app_critical() {
    let mut cat = fixture();
    cat.apps[3].permissions.push(Permission {
        name: "Directory.ReadWrite.All".into(),
        kind: PermissionKind::Application,
        ..Permission::default()
    });
    let s = State::new(cat, "t");
    assert_eq!(
        s.workspace.app_risk(3).highest,
        attest_tui::risk::Tier::Critical
    );
}

#[test]
fn a_key_press_ends_a_message_but_a_save_error_stays_while_changes_are_unsaved() {
    let mut s = crate::support::tui::state();
    s.update(Action::ShowMessage {
        text: "copied: x".into(),
        error: false,
    });
    assert!(s.message().is_some());
    assert!(s.update(Action::MoveDown), "redraw to remove it");
    assert!(s.message().is_none());

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    std::fs::write(&file, "x").unwrap();
    let mut s = state_on(fixture(), &file.join("data"));
    s.update(Action::Block);
    s.update(Action::MoveDown);
    s.update(Action::MoveUp);
    assert_eq!(s.message().unwrap().kind, MessageKind::Error, "still shown");
}

#[test]
fn a_long_query_shows_its_end_in_the_filter_bar() {
    let mut s = crate::support::tui::state();
    search(&mut s, "cert:attested perm:User.Read kind:delegated notes");
    let text = screen(&draw(&mut s, 80, 24));
    let bar = text.lines().nth(1).unwrap();
    assert!(bar.contains("/…"), "{bar}");
    assert!(bar.contains("kind:delegated notes▏"), "{bar}");
}

#[test]
fn the_header_shows_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = state_on(fixture(), dir.path());
    s.update(Action::EditNote);
    for c in "ask".chars() {
        s.update(Action::NoteInput(c));
    }
    s.update(Action::NoteAccept);
    let text = screen(&draw(&mut s, 80, 24));
    assert!(text.contains("· ✎ ask"), "{text}");
}

fn ws_note() -> String {
    "pages: imported 780 apps; 11 pages skipped and 14 warnings".into()
}

#[test]
fn load_notes_go_to_the_status_line_and_leave_the_keys_alone() {
    let mut ws = Workspace::in_memory(fixture(), "t");
    ws.notes = vec![ws_note()];
    let mut s = State::from_workspace(ws);
    assert!(s.ui.layers.is_empty(), "no popup takes the first keys");
    let text = screen(&draw(&mut s, 80, 24));
    assert!(
        text.contains("loaded 4 apps; 1 note from loading — L shows the log"),
        "a short line that fits, pointing to the log: {text}"
    );
    assert_eq!(s.ui.log[0].text, ws_note(), "the log has the note whole");
    s.update(Action::StartSearch);
    assert!(matches!(s.mode(), attest_tui::tui::Mode::Search));
}
