use super::*;
use crate::model::App;

fn title(heading: &str, anchor: &str, name_from_row: bool) -> PageTitle {
    PageTitle {
        heading: heading.to_string(),
        anchor: Some(anchor.to_string()),
        name_from_row,
    }
}

fn app(name: &str, source: &str, language: &str) -> App {
    App {
        name: name.to_string(),
        sources: vec![source.to_string()],
        language: language.to_string(),
        ..App::default()
    }
}

/// Settle the names of pages given as (heading, anchor, App-Name row or "", source, language).
fn settled(pages: &[(&str, &str, &str, &str, &str)], index: &[(&str, &str)]) -> Vec<String> {
    let mut apps: Vec<App> = pages
        .iter()
        .map(|(h, _, row, src, lang)| app(if row.is_empty() { h } else { row }, src, lang))
        .collect();
    let titles: Vec<PageTitle> = pages
        .iter()
        .map(|(h, a, row, _, _)| title(h, a, !row.is_empty()))
        .collect();
    let index: Vec<(usize, IndexEntry)> = index
        .iter()
        .map(|(t, n)| {
            let entry = IndexEntry {
                target: t.to_string(),
                name: n.to_string(),
            };
            (0, entry)
        })
        .collect();
    let named = apps
        .iter_mut()
        .zip(&titles)
        .map(|(app, t)| Named {
            app,
            title: Some(t),
            root: 0,
        })
        .collect();
    settle(named, &index);
    apps.into_iter().map(|a| a.name).collect()
}

#[test]
fn anchors_tell_the_english_template() {
    assert_eq!(
        Template::of_anchor("application-information-for-workboard"),
        Some(Template::InformationFor)
    );
    assert_eq!(
        Template::of_anchor("application-informatoin-for-sobol"),
        Some(Template::InformationFor)
    );
    assert_eq!(
        Template::of_anchor("sheetgo-application-information"),
        Some(Template::Information)
    );
    assert_eq!(
        Template::of_anchor("ngdesk-overview"),
        Some(Template::Overview)
    );
    assert_eq!(Template::of_anchor("template-chooser-for-office"), None);
    assert_eq!(Template::of_anchor("overview"), None);
}

#[test]
fn an_index_names_a_page_without_an_app_name_row() {
    let got = settled(
        &[
            (
                "Übersicht über ngDesk",
                "ngdesk-overview",
                "",
                "teams/ngdesk.md",
                "de-DE",
            ),
            (
                "Uploader (Übersicht)",
                "uploader-overview",
                "",
                "saas/up.md",
                "de-DE",
            ),
        ],
        &[("teams/ngdesk.md", "ngDesk"), ("saas/up.md", "Uploader")],
    );
    assert_eq!(got, ["ngDesk", "Uploader"]);
}

#[test]
fn a_template_learned_in_one_language_is_taken_off_its_other_pages() {
    let got = settled(
        &[
            // Known names show what "NAME overview" became in German.
            (
                "Übersicht über ngDesk",
                "ngdesk-overview",
                "",
                "a.md",
                "de-DE",
            ),
            (
                "Sobol-Übersicht",
                "sobol-overview",
                "Sobol",
                "b.md",
                "de-DE",
            ),
            // Unknown ones lose it, at either end, whatever the case.
            (
                "übersicht über Wrike für Office",
                "wrike-overview",
                "",
                "c.md",
                "de-DE",
            ),
            (
                "ArcGIS Karten Übersicht",
                "arcgis-maps-overview",
                "",
                "d.md",
                "de-DE",
            ),
            (
                "Vorlagen (Übersicht)",
                "templates-overview",
                "",
                "e.md",
                "de-DE",
            ),
            // A heading that is the name alone keeps every word, even the template's.
            (
                "Übersicht über alles",
                "ubersicht-uber-alles",
                "",
                "f.md",
                "de-DE",
            ),
            // Another language learned nothing, so its heading stays,
            ("Vue d’ensemble de Foo", "foo-overview", "", "g.md", "fr-FR"),
            // unless the page left the English template untranslated.
            (
                "Wrike Application Information",
                "wrike-application-information",
                "",
                "h.md",
                "fr-FR",
            ),
        ],
        &[("a.md", "ngDesk")],
    );
    assert_eq!(
        got,
        [
            "ngDesk",
            "Sobol",
            "Wrike für Office",
            "ArcGIS Karten",
            "Vorlagen",
            "Übersicht über alles",
            "Vue d’ensemble de Foo",
            "Wrike",
        ]
    );
}

#[test]
fn words_are_cut_at_word_ends_and_cjk_runs_are_cut_anywhere() {
    let got = settled(
        &[
            (
                "ngDesk の概要",
                "ngdesk-overview",
                "ngDesk",
                "a.md",
                "ja-JP",
            ),
            (
                "アップローダーの概要",
                "uploader-overview",
                "",
                "b.md",
                "ja-JP",
            ),
            (
                "SalesTim 概述",
                "salestim-overview",
                "SalesTim",
                "c.md",
                "zh-CN",
            ),
            (
                "Office模板选择器概述",
                "office-overview",
                "",
                "d.md",
                "zh-CN",
            ),
            ("Обзор ngDesk", "ngdesk-overview", "ngDesk", "e.md", "ru-RU"),
            // "Обзор" is learned as a word: "Обзоры" is another word and stays.
            ("Обзоры рынка", "market-overview", "", "f.md", "ru-RU"),
        ],
        &[],
    );
    assert_eq!(
        got,
        [
            "ngDesk",
            "アップローダー",
            "SalesTim",
            "Office模板选择器",
            "ngDesk",
            "Обзоры рынка",
        ]
    );
}

#[test]
fn the_template_of_another_heading_kind_is_not_applied() {
    let got = settled(
        &[
            (
                "Anwendungsinformationen für Grytics",
                "application-information-for-grytics",
                "Grytics",
                "a.md",
                "de-DE",
            ),
            // An overview page: the "information for" wording is not its template.
            (
                "Anwendungsinformationen für X Übersicht",
                "x-overview",
                "",
                "b.md",
                "de-DE",
            ),
            (
                "Anwendungsinformationen für Workboard",
                "application-information-for-workboard",
                "",
                "c.md",
                "de-DE",
            ),
        ],
        &[],
    );
    assert_eq!(
        got,
        [
            "Grytics",
            "Anwendungsinformationen für X Übersicht",
            "Workboard"
        ]
    );
}

#[test]
fn of_the_index_and_the_heading_the_one_keeping_the_english_name_wins() {
    let got = settled(
        &[
            // The heading translated the name, the index did not.
            ("For über sich selbst", "forbury", "", "a.md", "de-DE"),
            // The index translated it, the heading did not.
            ("Supermetrics", "supermetrics", "", "b.md", "de-DE"),
            // Neither keeps more of it: a plain heading stays,
            ("上传者工具", "uploader", "", "c.md", "zh-CN"),
            // a templated one gives way to the index.
            ("上传器概述", "uploader-overview", "", "d.md", "zh-CN"),
        ],
        &[
            ("a.md", "Forbury"),
            ("b.md", "Supermetrik"),
            ("c.md", "上传者"),
            ("d.md", "上传者"),
        ],
    );
    assert_eq!(got, ["Forbury", "Supermetrics", "上传者工具", "上传者"]);
}

#[test]
fn huge_headings_are_neither_learned_from_nor_cut() {
    let huge = format!("Übersicht über {}", "x".repeat(affixes::MAX_TITLE_BYTES));
    let got = settled(
        &[
            (
                "Übersicht über ngDesk",
                "ngdesk-overview",
                "ngDesk",
                "a.md",
                "de-DE",
            ),
            (&huge, "huge-overview", "", "b.md", "de-DE"),
            (&huge, "huge-overview", &huge[16..], "c.md", "de-DE"),
        ],
        &[],
    );
    assert_eq!(got[1], huge);
}
