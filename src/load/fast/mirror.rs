//! Mirrors of the model types for the fast path, and the parse of one app's JSON.

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, de::value::MapAccessDeserializer};

use crate::model::{
    App, Block, Certification, Links, Note, Permission, Row, SharedText, Table, Translation,
    Updated, Zone, ZoneSources,
};

/// Parse one app (a complete JSON object). sonic-rs rather than serde_json: its SIMD string
/// scanning makes the load about 1.4× faster, and the fast path only has to agree with the
/// slow path on valid input (anything it refuses goes to serde_json, which gives the messages).
pub(super) fn parse_app(bytes: &[u8]) -> sonic_rs::Result<App> {
    let mut de = sonic_rs::Deserializer::from_slice(bytes);
    let app = AppDef::deserialize(&mut de)?;
    de.end()?;
    Ok(app)
}

// Mirrors of the model types whose derived `Deserialize` is slow. `remote` makes the compiler
// check that they list exactly the model's fields; the serde attributes must match the model's
// (a mismatch can only make the fast path give up, as long as no default is added here that
// the model lacks).

#[derive(Deserialize)]
#[serde(remote = "App")]
struct AppDef {
    #[serde(deserialize_with = "crate::model::non_empty_id")]
    id: String,
    name: String,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    certification: Certification,
    #[serde(default)]
    language: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    updated: Updated,
    #[serde(default)]
    clients: Vec<String>,
    #[serde(default)]
    links: Links,
    #[serde(default, deserialize_with = "zones")]
    zones: Vec<Zone>,
    #[serde(default)]
    permissions: Vec<Permission>,
    #[serde(default)]
    zone_sources: Vec<ZoneSources>,
    #[serde(default, deserialize_with = "translations")]
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
#[serde(remote = "Translation")]
struct TranslationDef {
    language: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    updated: Updated,
    #[serde(default, deserialize_with = "zones")]
    zones: Vec<Zone>,
    #[serde(default)]
    permissions: Vec<Permission>,
    #[serde(default)]
    zone_sources: Vec<ZoneSources>,
}

struct FastTranslation(Translation);

impl<'de> Deserialize<'de> for FastTranslation {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TranslationDef::deserialize(d).map(FastTranslation)
    }
}

fn translations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Translation>, D::Error> {
    let list = Vec::<FastTranslation>::deserialize(d)?;
    Ok(list.into_iter().map(|t| t.0).collect())
}

#[derive(Deserialize)]
#[serde(remote = "Zone")]
struct ZoneDef {
    pivot: SharedText,
    #[serde(default)]
    title: SharedText,
    #[serde(default, deserialize_with = "blocks")]
    blocks: Vec<Block>,
}

struct FastZone(Zone);

impl<'de> Deserialize<'de> for FastZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        ZoneDef::deserialize(d).map(FastZone)
    }
}

fn zones<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Zone>, D::Error> {
    let zones = Vec::<FastZone>::deserialize(d)?;
    Ok(zones.into_iter().map(|z| z.0).collect())
}

fn blocks<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Block>, D::Error> {
    let blocks = Vec::<FastBlock>::deserialize(d)?;
    let mut blocks: Vec<Block> = blocks.into_iter().map(|b| b.0).collect();
    // Growing by doubling leaves a quarter of the capacity unused on average; blocks are most
    // of a catalog's memory.
    blocks.shrink_to_fit();
    Ok(blocks)
}

/// A block read without buffering: its `type` must come first (as attest-tui writes it); other
/// orders make the fast path give up.
struct FastBlock(Block);

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Tag {
    Row,
    Table,
    Note,
}

impl<'de> Deserialize<'de> for FastBlock {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(BlockVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = FastBlock;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a block object with its `type` first")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FastBlock, A::Error> {
        if map.next_key::<TypeKey>()?.is_none() {
            return Err(de::Error::custom("no `type`"));
        }
        let tag: Tag = map.next_value()?;
        let rest = MapAccessDeserializer::new(NoTypeKey(map));
        Ok(FastBlock(match tag {
            Tag::Row => Block::Row(Row::deserialize(rest)?),
            Tag::Table => Block::Table(Box::new(Table::deserialize(rest)?)),
            Tag::Note => Block::Note(Note::deserialize(rest)?),
        }))
    }
}

/// A key that must be `type`.
struct TypeKey;

impl<'de> Deserialize<'de> for TypeKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TypeKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`type`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TypeKey, E> {
                if v == "type" {
                    Ok(TypeKey)
                } else {
                    Err(E::custom("`type` is not the first key"))
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// The rest of a block's keys, where a second `type` is an error (as in the derived parser).
struct NoTypeKey<A>(A);

impl<'de, A: MapAccess<'de>> MapAccess<'de> for NoTypeKey<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(NotType(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.0.next_value_seed(seed)
    }
}

struct NotType<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotType<K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        d.deserialize_str(NotTypeVisitor(self.0))
    }
}

struct NotTypeVisitor<K>(K);

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotTypeVisitor<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<K::Value, E> {
        if v == "type" {
            return Err(E::custom("duplicate field `type`"));
        }
        self.0.deserialize(v.into_deserializer())
    }
}
