use std::collections::HashMap;

use crate::model::{Catalog, Registration};

/// Several catalogs made one, with what the merge had to decide.
#[derive(Debug, Default)]
pub struct Merged {
    pub catalog: Catalog,
    /// One line per app id that more than one source defined: the later source wins.
    pub replaced: Vec<String>,
}

/// Merge catalogs in order; an app id defined again by a later source replaces the earlier app
/// (in its original position). Registrations with the same id are united.
pub fn merge_catalogs(parts: Vec<(String, Catalog)>) -> Merged {
    let mut merged = Merged::default();
    let mut app_pos: HashMap<String, (usize, String)> = HashMap::new();
    let mut reg_pos: HashMap<String, usize> = HashMap::new();
    for (label, part) in parts {
        for app in part.apps {
            match app_pos.get(&app.id) {
                Some((i, earlier)) => {
                    merged.replaced.push(format!(
                        "app \"{}\" ({}) from {label} replaces the one from {earlier}",
                        app.name, app.id
                    ));
                    let i = *i;
                    app_pos.insert(app.id.clone(), (i, label.clone()));
                    merged.catalog.apps[i] = app;
                }
                None => {
                    app_pos.insert(app.id.clone(), (merged.catalog.apps.len(), label.clone()));
                    merged.catalog.apps.push(app);
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
    fn registrations_with_one_id_are_united() {
        let m = merge_catalogs(vec![
            ("x".into(), cat(&[], &[("g1", &["a"])])),
            ("y".into(), cat(&[], &[("g1", &["a", "b"]), ("g2", &["c"])])),
        ]);
        assert_eq!(m.catalog.registrations.len(), 2);
        assert_eq!(m.catalog.registrations[0].apps, ["a", "b"]);
    }
}
