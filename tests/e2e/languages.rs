//! End to end: the real binary on a catalog whose first app has a German page too, started
//! with `--lang de-DE --lang zh-CN` (the first one it has is shown): `L` switches the app's
//! language and `E` shows the questionnaire's English labels.

use crate::support::pty::Pty;
use attest_tui::model::{Block, Translation};

#[test]
fn binary_switches_an_apps_language_and_shows_english_labels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut catalog = crate::support::tui::fixture();
    let app = &mut catalog.apps[0];
    for z in &mut app.zones {
        for b in &mut z.blocks {
            if let Block::Row(r) = b
                && r.question.contains("年度渗透测试")
            {
                r.key = attest_tui::questionnaire::QuestionKey::named("security.pentest_annual");
            }
        }
    }
    let mut de: Translation = app.primary_page();
    de.language = "de-DE".into();
    de.name = "Kontaktcenter".into();
    app.translations.push(de);
    let path = dir.path().join("two-languages.json");
    std::fs::write(&path, serde_json::to_string(&catalog).unwrap()).unwrap();
    let mut pty = Pty::binary(
        &[
            "--catalog",
            path.to_str().expect("a UTF-8 temp path"),
            "--lang",
            "de-DE",
            "--lang",
            "zh-CN",
        ],
        dir.path(),
        100,
        30,
    );
    pty.wait_for("Kontaktcenter · de-DE (+zh-CN)");
    pty.send("T");
    pty.wait_for("联系人中心 · zh-CN (+de-DE)");
    pty.wait_for("shown in zh-CN (2 of 2: de-DE, zh-CN)");
    pty.send("l3"); // the security tab
    pty.wait_for("是否进行年度渗透测试");
    pty.send("E");
    pty.wait_for("English label");
    pty.wait_for("Annual penetration testing");
    pty.send("E");
    pty.wait_for("Question (English)");
    pty.send("q");
    assert_eq!(pty.wait_exit(), 0, "screen:\n{}", pty.screen());
}
