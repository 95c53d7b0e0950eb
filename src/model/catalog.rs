use serde::{Deserialize, Serialize};

use super::{Answer, Permission, PermissionKind, SharedText};
use crate::questionnaire::QuestionKey;

/// The catalog format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub format: u32,
    #[serde(default)]
    pub apps: Vec<App>,
    #[serde(default)]
    pub registrations: Vec<Registration>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            format: FORMAT_VERSION,
            apps: Vec::new(),
            registrations: Vec::new(),
        }
    }
}

impl Catalog {
    pub fn app(&self, id: &str) -> Option<&App> {
        self.apps.iter().find(|a| a.id == id)
    }

    pub fn registration(&self, id: &str) -> Option<&Registration> {
        self.registrations.iter().find(|r| r.id == id)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Certification {
    Certified,
    Attested,
    #[default]
    None,
}

impl Certification {
    pub fn as_str(self) -> &'static str {
        match self {
            Certification::Certified => "certified",
            Certification::Attested => "attested",
            Certification::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct App {
    #[serde(deserialize_with = "non_empty_id")]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub certification: Certification,
    /// BCP 47 tag of the page text, e.g. `zh-CN`; empty when unknown.
    #[serde(default)]
    pub language: String,
    /// Paths of the pages this app was read from, relative to the imported folder.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub updated: Updated,
    #[serde(default)]
    pub clients: Vec<String>,
    #[serde(default)]
    pub links: Links,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub permissions: Vec<Permission>,
    /// When several pages of the app were merged: which pages each zone's rows came from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zone_sources: Vec<ZoneSources>,
    /// The same app's pages in other languages (the fields above are the primary language's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// The pages one zone of a merged app was read from: the page whose answers won first, then
/// the pages that added rows it lacked.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ZoneSources {
    pub pivot: String,
    pub sources: Vec<String>,
}

/// An app's page in one more language: the fields that differ between languages. The id,
/// certification, clients and links are the app's own, the same in every language.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Translation {
    pub language: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub publisher: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub updated: Updated,
    #[serde(default)]
    pub zones: Vec<Zone>,
    #[serde(default)]
    pub permissions: Vec<Permission>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zone_sources: Vec<ZoneSources>,
}

/// An app id is how reviews, lookups and merges find an app: an empty one would match
/// nothing and collide with every other empty one. The error comes from the parser, so it
/// carries the line and column of the id.
pub fn non_empty_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = String::deserialize(d)?;
    if id.trim().is_empty() {
        return Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Str(&id),
            &"a non-empty app id",
        ));
    }
    Ok(id)
}

impl App {
    pub fn application_permission_count(&self) -> usize {
        self.permissions
            .iter()
            .filter(|p| matches!(p.kind, PermissionKind::Application | PermissionKind::Both))
            .count()
    }

    /// Distinct registration GUIDs in first-seen order.
    pub fn registration_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.permissions {
            if let Some(r) = p.registration.as_deref()
                && !out.contains(&r)
            {
                out.push(r);
            }
        }
        out
    }

    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.zones.iter().flat_map(|z| z.rows())
    }

    pub fn unanswered_count(&self) -> usize {
        self.rows()
            .filter(|r| r.value == Answer::Unanswered)
            .count()
    }
}

/// The developer's "last updated" line: ISO date when it could be read, and the text as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Updated {
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub raw: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Links {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appsource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Zone {
    pub pivot: SharedText,
    #[serde(default)]
    pub title: SharedText,
    #[serde(default)]
    pub blocks: Vec<Block>,
}

impl Zone {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Row(r) => Some(r),
            _ => None,
        })
    }

    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut Row> {
        self.blocks.iter_mut().filter_map(|b| match b {
            Block::Row(r) => Some(r),
            _ => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Row(Row),
    /// Boxed: tables are rare and three times a row's size, and every block of a large catalog
    /// would otherwise pay for the largest variant.
    Table(Box<Table>),
    Note(Note),
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Row {
    pub question: SharedText,
    #[serde(default)]
    pub answer: SharedText,
    #[serde(default)]
    pub value: Answer,
    /// Nesting depth: 0 for top-level rows, 1 for e.g. certification controls under their section.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: u8,
    /// The questionnaire question this row asks (`security.pentest_annual`), whatever the page
    /// language; `null` when the question is not recognized.
    #[serde(default)]
    pub key: Option<QuestionKey>,
}

impl Row {
    pub fn new(question: impl Into<SharedText>, answer: impl Into<SharedText>, level: u8) -> Row {
        let answer: SharedText = answer.into();
        Row {
            question: question.into(),
            value: normalize_answer_for(&answer),
            answer,
            level,
            key: None,
        }
    }

    /// The row with its question key.
    pub fn keyed(mut self, key: &str) -> Row {
        self.key = QuestionKey::named(key);
        self
    }

    /// The English label of the row's question (the questionnaire's), when it is recognized.
    pub fn english_label(&self) -> Option<&'static str> {
        crate::questionnaire::english_label(self.key)
    }

    /// What the answer means for a reviewer, by the question's meaning.
    pub fn judgement(&self) -> super::Judgement {
        super::judge(self)
    }
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

fn normalize_answer_for(answer: &str) -> Answer {
    super::normalize_answer(answer)
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub headers: Vec<String>,
    #[serde(default)]
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Note {
    #[serde(default)]
    pub title: SharedText,
    #[serde(default)]
    pub text: SharedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Registration {
    pub id: String,
    #[serde(default)]
    pub apps: Vec<String>,
    /// Names of the associated apps as listed on the registration page (some are not in the catalog).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub app_names: Vec<String>,
    /// Publisher attestation status as written on the registration page, e.g. "已完成".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
