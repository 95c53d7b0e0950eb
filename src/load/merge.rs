use std::collections::HashMap;

use crate::model::{Catalog, Registration};

/// Several catalogs made one, with what the merge had to decide.
#[derive(Debug, Default)]
pub struct Merged {
    pub catalog: Catalog,
    /// What the merge decided about app ids several sources define, at most one line each
    /// (languages joined, pages replaced), however many apps.
    pub replaced: Vec<String>,
}

/// Merge catalogs in order. An app id defined again by a later source stays one app (in its
/// first position): the later source's page in a language replaces the earlier one in that
/// language, and its other languages are added as translations. Registrations with the same id
/// are united.
pub fn merge_catalogs(parts: Vec<(String, Catalog)>) -> Merged {
    let mut merged = Merged::default();
    let mut app_pos: HashMap<String, (usize, String)> = HashMap::new();
    let mut reg_pos: HashMap<String, usize> = HashMap::new();
    let mut joined: Vec<String> = Vec::new();
    let mut languages: Vec<String> = Vec::new();
    let mut replaced: Vec<String> = Vec::new();
    for (label, part) in parts {
        for app in part.apps {
            match app_pos.get(&app.id) {
                Some((i, earlier)) => {
                    let i = *i;
                    let example = format!(
                        "app \"{}\" ({}) from {label} replaces the one from {earlier}",
                        app.name, app.id
                    );
                    let id = app.id.clone();
                    let (added, swapped) = merged.catalog.apps[i].add_languages(app);
                    if added > 0 && !joined.contains(&id) {
                        joined.push(id.clone());
                    }
                    if swapped > 0 {
                        replaced.push(example);
                    }
                    app_pos.insert(id, (i, label.clone()));
                }
                None => {
                    app_pos.insert(app.id.clone(), (merged.catalog.apps.len(), label.clone()));
                    merged.catalog.apps.push(app);
                }
            }
        }
        for app in &merged.catalog.apps {
            for lang in app.languages() {
                if !languages.iter().any(|l| l == lang) {
                    languages.push(lang.to_string());
                }
            }
        }
        for reg in part.registrations {
            match reg_pos.get(&reg.id) {
                Some(&i) => unite(&mut merged.catalog.registrations[i], reg),
                None => {
                    reg_pos.insert(reg.id.clone(), merged.catalog.registrations.len());
                    merged.catalog.registrations.push(reg);
                }
            }
        }
    }
    if !joined.is_empty() {
        merged.replaced.push(format!(
            "{} apps are in several languages ({}): each is kept once with every language",
            joined.len(),
            languages.join(", ")
        ));
    }
    match replaced.len() {
        0 => {}
        1 => merged.replaced.push(replaced.remove(0)),
        n => merged.replaced.push(format!(
            "{n} apps are defined again by a later source, which wins for their language: {} (and {} more)",
            replaced[0],
            n - 1
        )),
    }
    merged
}

fn unite(into: &mut Registration, from: Registration) {
    for app in from.apps {
        if !into.apps.contains(&app) {
            into.apps.push(app);
        }
    }
    for name in from.app_names {
        if !into.app_names.contains(&name) {
            into.app_names.push(name);
        }
    }
    if from.status.is_some() {
        into.status = from.status;
    }
    if from.source.is_some() {
        into.source = from.source;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::App;

    fn cat(apps: &[(&str, &str)], regs: &[(&str, &[&str])]) -> Catalog {
        Catalog {
            apps: apps
                .iter()
                .map(|(id, name)| App {
                    id: (*id).into(),
                    name: (*name).into(),
                    ..App::default()
                })
                .collect(),
            registrations: regs
                .iter()
                .map(|(id, apps)| Registration {
                    id: (*id).into(),
                    apps: apps.iter().map(|s| (*s).into()).collect(),
                    ..Registration::default()
                })
                .collect(),
            ..Catalog::default()
        }
    }

    #[test]
    fn later_source_wins_in_place_and_is_reported() {
        let m = merge_catalogs(vec![
            ("embedded".into(), cat(&[("a", "Old A"), ("b", "B")], &[])),
            ("user.json".into(), cat(&[("a", "New A"), ("c", "C")], &[])),
        ]);
        let names: Vec<_> = m.catalog.apps.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["New A", "B", "C"]);
        assert_eq!(m.replaced.len(), 1);
        assert!(m.replaced[0].contains("from user.json replaces the one from embedded"));
    }

    #[test]
    fn the_same_app_in_other_languages_is_joined_and_summed_up_in_one_line() {
        let lang = |c: &mut Catalog, l: &str| c.apps.iter_mut().for_each(|a| a.language = l.into());
        let mut zh = cat(&[("a", "甲"), ("b", "乙")], &[]);
        lang(&mut zh, "zh-CN");
        let mut de = cat(&[("a", "A"), ("b", "B"), ("c", "C")], &[]);
        lang(&mut de, "de-DE");
        let m = merge_catalogs(vec![("zh".into(), zh), ("de".into(), de)]);
        assert_eq!(m.catalog.apps.len(), 3);
        assert_eq!(m.catalog.apps[0].languages(), ["zh-CN", "de-DE"]);
        assert_eq!(
            m.catalog.apps[0].name, "甲",
            "the first source stays primary"
        );
        assert_eq!(m.replaced.len(), 1, "{:?}", m.replaced);
        assert!(
            m.replaced[0].starts_with("2 apps are in several languages (zh-CN, de-DE)"),
            "{}",
            m.replaced[0]
        );
    }

    #[test]
    fn registrations_with_one_id_are_united() {
        let m = merge_catalogs(vec![
            ("x".into(), cat(&[], &[("g1", &["a"])])),
            ("y".into(), cat(&[], &[("g1", &["a", "b"]), ("g2", &["c"])])),
        ]);
        assert_eq!(m.catalog.registrations.len(), 2);
        assert_eq!(m.catalog.registrations[0].apps, ["a", "b"]);
    }
}
