use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Permission {
    /// Canonical Graph/OpenID name, e.g. `User.Read` or `email`.
    pub name: String,
    /// The name as written on the page, when it differs from `name` (machine-translated scopes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw_name: Option<String>,
    #[serde(default)]
    pub kind: PermissionKind,
    #[serde(default)]
    pub justification: String,
    /// Lower-case GUID of the Azure AD app registration that holds it.
    #[serde(default)]
    pub registration: Option<String>,
    #[serde(default = "default_resource")]
    pub resource: String,
}

pub(crate) fn default_resource() -> String {
    "Microsoft Graph".to_string()
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PermissionKind {
    Delegated,
    Application,
    Both,
    #[default]
    Unknown,
}

impl PermissionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PermissionKind::Delegated => "delegated",
            PermissionKind::Application => "application",
            PermissionKind::Both => "both",
            PermissionKind::Unknown => "unknown",
        }
    }

    /// Whether the app can use it without a signed-in user.
    pub fn is_application(self) -> bool {
        matches!(self, PermissionKind::Application | PermissionKind::Both)
    }
}

const DELEGATED: &[&str] = &[
    "delegated",
    "delegate",
    "委托",
    "委派",
    "委託",
    "delegiert",
    "delegiere",
    // Machine translation of "delegated" as "seconded" (de-DE corpus).
    "abgeordnet",
    "déléguée",
    "délégué",
    "delegada",
    "delegado",
    "delegato",
    "delegata",
    "gedelegeerd",
    "delegerad",
    "delegeret",
    "delegowane",
    "temsilci",
    "devredilmiş",
    "делегированное",
    "делегированные",
    "делегированная",
    "делегированный",
    "делегирована",
    "делегировано",
    "委任",
    "委任済み",
    "위임",
    "위임됨",
];
const APPLICATION: &[&str] = &[
    "application",
    "app",
    "应用程序",
    "应用",
    "應用程式",
    "anwendung",
    "aplicación",
    "aplicação",
    "aplicativo",
    "applicazione",
    "toepassing",
    "applicatie",
    "program",
    "programma",
    "aplikacja",
    "uygulama",
    "приложение",
    "アプリケーション",
    "애플리케이션",
    "응용 프로그램",
];
const BOTH: &[&str] = &[
    "both",
    "两者",
    "兩者",
    "二者",
    "beide",
    "beides",
    "les deux",
    "ambos",
    "ambas",
    "entrambi",
    "båda",
    "begge",
    "oba",
    "obie",
    "her ikisi",
    "оба",
    "оба варианта",
    // Machine translation of "Both" as "How" (ru-RU corpus).
    "как",
    "両方",
    "両方とも",
    "둘 다",
    "모두",
];

/// Read a permission type cell in any page language.
pub fn parse_kind(raw: &str) -> PermissionKind {
    parse_kind_with(raw, None)
}

/// Like [`parse_kind`], with the words the table's own header gives the two kinds: the type
/// column's header reads "Permission type (Delegated/Application)" in the page's language, so a
/// translation this list does not know is still read by the page's own words.
pub fn parse_kind_with(raw: &str, header: Option<&HeaderKinds>) -> PermissionKind {
    let word = fold_kind(raw);
    let known = lookup_kind(&word);
    if known != PermissionKind::Unknown || word.is_empty() {
        return known;
    }
    if let Some(h) = header {
        if word == h.delegated {
            return PermissionKind::Delegated;
        }
        if word == h.application {
            return PermissionKind::Application;
        }
    }
    // "Delegated, Application", "delegated/application": both kinds named in one cell.
    let parts: Vec<PermissionKind> = word
        .split(['/', ',', '、', '&', '+', ';', '，'])
        .map(|p| {
            let p = p.trim();
            match (lookup_kind(p), header) {
                (PermissionKind::Unknown, Some(h)) if p == h.delegated => PermissionKind::Delegated,
                (PermissionKind::Unknown, Some(h)) if p == h.application => {
                    PermissionKind::Application
                }
                (k, _) => k,
            }
        })
        .collect();
    if parts.len() == 2
        && parts.contains(&PermissionKind::Delegated)
        && parts.contains(&PermissionKind::Application)
    {
        return PermissionKind::Both;
    }
    PermissionKind::Unknown
}

/// The words a permission table's type-column header gives the two kinds, from its
/// parenthesized "(Delegated/Application)" part; `None` when it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderKinds {
    pub delegated: String,
    pub application: String,
}

impl HeaderKinds {
    pub fn from_header(header: &str) -> Option<HeaderKinds> {
        // "Permission type (Delegated/Application)", or the 2020 pages' "Delegated/Application".
        let inner = match header.find(['(', '（']) {
            Some(open) => {
                let inner = &header[open..];
                inner[inner.chars().next()?.len_utf8()..]
                    .split([')', '）'])
                    .next()?
            }
            None => header,
        };
        let (a, b) = inner.split_once(['/', '／'])?;
        let (a, b) = (fold_kind(a), fold_kind(b));
        (!a.is_empty() && !b.is_empty() && a != b).then_some(HeaderKinds {
            delegated: a,
            application: b,
        })
    }
}

fn fold_kind(raw: &str) -> String {
    raw.trim()
        .trim_matches('*')
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .collect()
}

fn lookup_kind(word: &str) -> PermissionKind {
    if DELEGATED.contains(&word) {
        PermissionKind::Delegated
    } else if APPLICATION.contains(&word) {
        PermissionKind::Application
    } else if BOTH.contains(&word) {
        PermissionKind::Both
    } else {
        PermissionKind::Unknown
    }
}

// OpenID Connect scopes whose names machine translation turned into ordinary words.
const TRANSLATED_SCOPES: &[(&str, &str)] = &[
    ("个人资料", "profile"),
    ("個人資料", "profile"),
    ("配置文件", "profile"),
    ("profil", "profile"),
    ("perfil", "profile"),
    ("profilo", "profile"),
    ("profiel", "profile"),
    ("プロファイル", "profile"),
    ("프로필", "profile"),
    ("профиль", "profile"),
    ("电子邮件", "email"),
    ("電子郵件", "email"),
    ("e-mail", "email"),
    ("courrier", "email"),
    ("correo electrónico", "email"),
    ("posta elettronica", "email"),
    ("メール", "email"),
    ("電子メール", "email"),
    ("이메일", "email"),
    ("электронная почта", "email"),
    ("脱机访问", "offline_access"),
    ("離線存取", "offline_access"),
];

/// The canonical Graph/OpenID name for a permission cell, and whether it differed from the page.
pub fn canonical_permission_name(raw: &str) -> String {
    let trimmed = raw.trim().trim_matches('*').trim();
    let lower = trimmed.to_lowercase();
    if let Some((_, canonical)) = TRANSLATED_SCOPES.iter().find(|(t, _)| *t == lower) {
        return (*canonical).to_string();
    }
    if ["openid", "profile", "email", "offline_access"].contains(&lower.as_str()) {
        return lower;
    }
    // Translation sometimes swaps the dots of a scope for ideographic full stops
    // ("EWS。AccessAsUser.All") and pads them with spaces.
    if trimmed.contains('.') || trimmed.contains('。') {
        let rebuilt: String = trimmed
            .replace(['。', '．'], ".")
            .split('.')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(".");
        if rebuilt.is_ascii() && !rebuilt.contains(' ') {
            return rebuilt;
        }
    }
    trimmed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_in_several_languages() {
        assert_eq!(parse_kind("委托"), PermissionKind::Delegated);
        assert_eq!(parse_kind("delegated"), PermissionKind::Delegated);
        assert_eq!(parse_kind("应用程序"), PermissionKind::Application);
        assert_eq!(parse_kind("Application"), PermissionKind::Application);
        assert_eq!(parse_kind("两者"), PermissionKind::Both);
        assert_eq!(parse_kind("Beide"), PermissionKind::Both);
        assert_eq!(parse_kind("不支持"), PermissionKind::Unknown);
    }

    #[test]
    fn machine_translated_kinds_of_every_corpus_language() {
        for (raw, want) in [
            // de-DE
            ("Delegiert", PermissionKind::Delegated),
            ("abgeordnet", PermissionKind::Delegated),
            ("Anwendung", PermissionKind::Application),
            ("beides", PermissionKind::Both),
            // ja-JP
            ("委任", PermissionKind::Delegated),
            ("アプリケーション", PermissionKind::Application),
            ("両方とも", PermissionKind::Both),
            // ru-RU
            ("делегирована", PermissionKind::Delegated),
            ("Делегированные", PermissionKind::Delegated),
            ("приложение", PermissionKind::Application),
            ("Как", PermissionKind::Both),
            ("оба варианта", PermissionKind::Both),
            // fr-FR
            ("Déléguée", PermissionKind::Delegated),
            ("les deux", PermissionKind::Both),
            // zh-CN
            ("委托", PermissionKind::Delegated),
            ("两者", PermissionKind::Both),
        ] {
            assert_eq!(parse_kind(raw), want, "{raw}");
        }
    }

    #[test]
    fn kinds_of_the_languages_without_a_corpus() {
        for (raw, want) in [
            // ko-KR
            ("위임", PermissionKind::Delegated),
            ("애플리케이션", PermissionKind::Application),
            ("둘 다", PermissionKind::Both),
            // zh-TW
            ("委派", PermissionKind::Delegated),
            ("應用程式", PermissionKind::Application),
            ("兩者", PermissionKind::Both),
            // es-ES, pt-BR, it-IT
            ("delegado", PermissionKind::Delegated),
            ("Aplicación", PermissionKind::Application),
            ("Aplicativo", PermissionKind::Application),
            ("ambos", PermissionKind::Both),
            ("delegata", PermissionKind::Delegated),
            ("applicazione", PermissionKind::Application),
            ("entrambi", PermissionKind::Both),
            // en-US
            ("Delegated", PermissionKind::Delegated),
            ("Application", PermissionKind::Application),
        ] {
            assert_eq!(parse_kind(raw), want, "{raw}");
        }
    }

    #[test]
    fn the_table_header_teaches_its_own_words() {
        let h = HeaderKinds::from_header("**Tipo de permiso (Delegadx/Aplicacionx)**").unwrap();
        assert_eq!(
            parse_kind_with("delegadx", Some(&h)),
            PermissionKind::Delegated
        );
        assert_eq!(
            parse_kind_with("Aplicacionx", Some(&h)),
            PermissionKind::Application
        );
        assert_eq!(
            parse_kind_with("Delegadx/Aplicacionx", Some(&h)),
            PermissionKind::Both
        );
        assert_eq!(parse_kind_with("otra", Some(&h)), PermissionKind::Unknown);
        assert_eq!(HeaderKinds::from_header("Permission type"), None);
        assert_eq!(
            parse_kind("Delegated, Application"),
            PermissionKind::Both,
            "both kinds named in one cell"
        );
    }

    #[test]
    fn translated_openid_scopes_get_their_canonical_names() {
        assert_eq!(canonical_permission_name("个人资料"), "profile");
        assert_eq!(canonical_permission_name("电子邮件"), "email");
        assert_eq!(canonical_permission_name("OpenID"), "openid");
    }

    #[test]
    fn ideographic_full_stops_become_dots() {
        assert_eq!(
            canonical_permission_name("Exchange - EWS。AccessAsUser.All"),
            "Exchange - EWS。AccessAsUser.All",
            "a name with spaces is not a scope and is kept as written"
        );
        assert_eq!(
            canonical_permission_name("EWS。AccessAsUser.All"),
            "EWS.AccessAsUser.All"
        );
        assert_eq!(canonical_permission_name("User.Read"), "User.Read");
    }
}
