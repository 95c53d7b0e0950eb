//! Look-ups across the catalog made once at start: which apps use a registration GUID, which
//! request a permission.

use std::collections::HashMap;

use crate::model::Catalog;

#[derive(Debug, Clone, Default)]
pub struct CatalogIndex {
    by_registration: HashMap<String, Vec<usize>>,
    by_permission: HashMap<String, Vec<usize>>,
}

impl CatalogIndex {
    pub fn new(catalog: &Catalog) -> CatalogIndex {
        let mut by_registration: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_permission: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, app) in catalog.apps.iter().enumerate() {
            for p in &app.permissions {
                if let Some(r) = &p.registration {
                    push_once(by_registration.entry(r.to_lowercase()).or_default(), i);
                }
                push_once(by_permission.entry(p.name.to_lowercase()).or_default(), i);
            }
        }
        if !catalog.registrations.is_empty() {
            let by_id: HashMap<&str, usize> = catalog
                .apps
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect();
            for reg in &catalog.registrations {
                let apps = by_registration.entry(reg.id.to_lowercase()).or_default();
                for id in &reg.apps {
                    if let Some(&i) = by_id.get(id.as_str())
                        && !apps.contains(&i)
                    {
                        apps.push(i);
                    }
                }
            }
        }
        CatalogIndex {
            by_registration,
            by_permission,
        }
    }

    /// Catalog indices of the apps other than `except` that use this registration GUID.
    pub fn apps_with_registration(&self, registration: &str, except: usize) -> Vec<usize> {
        others(
            self.by_registration.get(&registration.to_lowercase()),
            except,
        )
    }

    /// Catalog indices of the apps other than `except` that request a permission of this name.
    pub fn apps_with_permission(&self, name: &str, except: usize) -> Vec<usize> {
        others(self.by_permission.get(&name.to_lowercase()), except)
    }

    /// Every registration GUID (lowercase) and the apps using it.
    pub fn registrations(&self) -> impl Iterator<Item = (&str, &[usize])> {
        self.by_registration
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

fn push_once(v: &mut Vec<usize>, i: usize) {
    if v.last() != Some(&i) {
        v.push(i);
    }
}

fn others(apps: Option<&Vec<usize>>, except: usize) -> Vec<usize> {
    apps.map(|v| v.iter().copied().filter(|&i| i != except).collect())
        .unwrap_or_default()
}
