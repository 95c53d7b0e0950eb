use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::LoadError;
use super::fast::parse_catalog_fast;
use crate::files::{ReadError, open_regular};
use crate::model::{Catalog, FORMAT_VERSION};

/// A catalog file larger than this is refused before reading: it is far beyond any real catalog
/// (100k imported apps are about 1.1 GB) and reading it would only exhaust memory.
pub const MAX_CATALOG_BYTES: u64 = 2 << 30;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Read and parse one catalog JSON file, refusing directories' contents, devices, FIFOs and
/// oversized files with a message that names the path.
pub fn read_catalog_file(path: &Path) -> Result<Catalog, LoadError> {
    let io_err = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    // The fast path reads the file in chunks; only when it gives up is the whole file read,
    // for the slow path and its messages.
    let (file, meta) = open_catalog(path)?;
    if let Some(catalog) = parse_catalog_fast(file.take(MAX_CATALOG_BYTES + 1)).map_err(io_err)? {
        return finish(catalog, path);
    }
    let (file, _) = open_catalog(path)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_CATALOG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    parse_whole(&bytes, path)
}

/// A regular file of at most [`MAX_CATALOG_BYTES`], opened without blocking on special files.
fn open_catalog(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), LoadError> {
    open_regular(path, MAX_CATALOG_BYTES).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
        ReadError::NotRegular(what) => LoadError::NotAFile {
            path: path.to_path_buf(),
            what,
        },
        ReadError::TooLarge { size, max } => LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            max,
        },
    })
}

/// Parse catalog JSON. `path` is only used in messages.
pub fn parse_catalog_bytes(bytes: &[u8], path: &Path) -> Result<Catalog, LoadError> {
    match parse_catalog_fast(bytes) {
        Ok(Some(catalog)) => finish(catalog, path),
        _ => parse_whole(bytes, path),
    }
}

/// The slow path: the whole file with serde_json, and on failure again with field paths.
fn parse_whole(bytes: &[u8], path: &Path) -> Result<Catalog, LoadError> {
    // Editors on Windows write a BOM; it carries no meaning, so accept it.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Parse {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "the file is empty; expected a catalog JSON object such as \
                      {\"format\": 1, \"apps\": [{\"id\": \"…\", \"name\": \"…\"}]}"
                .into(),
        });
    }
    // serde reads a struct from an array too (`[1, []]`); a catalog is an object.
    if let Some(at) = bytes.iter().position(|b| !b.is_ascii_whitespace())
        && bytes[at] != b'{'
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
    {
        let (line, column) = line_col_of(bytes, at);
        return Err(LoadError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: "expected a catalog JSON object such as {\"format\": 1, \"apps\": [...]}, \
                      not an array or another value"
                .into(),
        });
    }
    let catalog = match parse_fast(bytes) {
        Ok(c) => c,
        Err(fast_err) => return Err(explain_failure(bytes, path, fast_err)),
    };
    finish(catalog, path)
}

/// The checks after parsing, shared by both paths.
fn finish(catalog: Catalog, path: &Path) -> Result<Catalog, LoadError> {
    if catalog.format != FORMAT_VERSION {
        return Err(LoadError::Version {
            path: path.to_path_buf(),
            found: catalog.format.to_string(),
            supported: FORMAT_VERSION,
        });
    }
    check_unique_ids(&catalog, path)?;
    Ok(catalog)
}

/// 1-based line and column (in characters) of byte `at`.
fn line_col_of(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (before.iter().filter(|&&b| b == b'\n').count() + 1, column)
}

fn parse_fast(bytes: &[u8]) -> serde_json::Result<Catalog> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let c = crate::model::interning(|| Catalog::deserialize(&mut de))?;
    de.end()?;
    Ok(c)
}

/// The slow path, taken only on failure: parse again tracking the field path, so the message can
/// say `apps[3].name` and not just a position.
fn explain_failure(bytes: &[u8], path: &Path, fast_err: serde_json::Error) -> LoadError {
    if let Some(found) = unsupported_version(bytes) {
        return LoadError::Version {
            path: path.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        };
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let (field, err) = match serde_path_to_error::deserialize::<_, Catalog>(&mut de) {
        Err(e) => (e.path().to_string(), e.into_inner()),
        // Both parsers accept the same input, so a failure here is the end-of-input check (trailing
        // characters), or else the fast parser's own error, which is still a true report.
        Ok(_) => (String::new(), de.end().err().unwrap_or(fast_err)),
    };
    parse_error(path, &field, &err)
}

fn parse_error(path: &Path, field: &str, err: &serde_json::Error) -> LoadError {
    LoadError::Parse {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message: json_error_message(err, field, "catalog JSON"),
    }
}

/// What a serde_json error means, for a message that names `line:column` apart: the member
/// `field` that was wrong, and for a truncated file the rest of `what` that was expected.
pub(crate) fn json_error_message(err: &serde_json::Error, field: &str, what: &str) -> String {
    use serde_json::error::Category;
    let full = err.to_string();
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(head, _)| head);
    match err.classify() {
        Category::Eof => format!(
            "the file ends too early ({detail}); expected the rest of the {what} — is the file truncated?"
        ),
        Category::Syntax if detail.contains("hex escape") || detail.contains("surrogate") => {
            format!(
                "{detail}; expected valid JSON (a \\u escape must form a whole character: lone surrogates such as \\ud800 are not allowed)"
            )
        }
        Category::Syntax => format!("{detail}; expected valid JSON"),
        Category::Data if field.is_empty() || field == "." => detail.to_string(),
        Category::Data => format!("in `{field}`: {detail}"),
        Category::Io => detail.to_string(),
    }
}

/// A catalog whose `format` is some other version may differ in any other field too, so its
/// version is the one thing worth reporting about it.
fn unsupported_version(bytes: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Probe {
        format: serde_json::Value,
    }
    let probe: Probe = serde_json::from_slice(bytes).ok()?;
    (probe.format != FORMAT_VERSION).then(|| probe.format.to_string())
}

fn check_unique_ids(catalog: &Catalog, path: &Path) -> Result<(), LoadError> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(catalog.apps.len());
    for (i, app) in catalog.apps.iter().enumerate() {
        if let Some(first) = seen.insert(app.id.as_str(), i) {
            return Err(LoadError::DuplicateId {
                path: path.to_path_buf(),
                id: app.id.clone(),
                first: first + 1,
                second: i + 1,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Catalog, LoadError> {
        parse_catalog_bytes(s.as_bytes(), Path::new("cat.json"))
    }

    fn message(s: &str) -> String {
        parse(s).unwrap_err().to_string()
    }

    #[test]
    fn the_slow_path_shares_repeated_texts_too() {
        // `type` after the other keys: the fast path gives up on this.
        let row = r#"{"question":"Q?","answer":"Yes","type":"row"}"#;
        let json = format!(
            r#"{{"format":1,"apps":[{{"id":"A","name":"a","zones":[{{"pivot":"data","blocks":[{row}]}}]}},
                {{"id":"B","name":"b","zones":[{{"pivot":"data","blocks":[{row}]}}]}}]}}"#
        );
        assert!(parse_catalog_fast(json.as_bytes()).unwrap().is_none());
        let c = parse(&json).unwrap();
        let q = |app: usize| {
            c.apps[app].zones[0]
                .rows()
                .next()
                .unwrap()
                .question
                .as_ptr()
        };
        assert_eq!(q(0), q(1));
    }

    #[test]
    fn minimal_hand_written_catalog_loads_with_defaults() {
        let c = parse(r#"{"format": 1, "apps": [{"id": "x", "name": "X"}]}"#).unwrap();
        assert_eq!(c.apps[0].name, "X");
        assert!(c.apps[0].zones.is_empty());
        assert!(c.registrations.is_empty());
    }

    #[test]
    fn bom_is_accepted() {
        assert!(parse("\u{feff}{\"format\": 1}").is_ok());
    }

    #[test]
    fn empty_file_says_what_is_expected() {
        assert!(
            message("  \n").contains("cat.json:1:1: the file is empty; expected a catalog JSON")
        );
    }

    #[test]
    fn truncated_file_names_position_and_truncation() {
        let m = message("{\"format\": 1, \"apps\": [{\"id\": \"x\"");
        assert!(m.starts_with("cat.json:1:"), "{m}");
        assert!(m.contains("truncated"), "{m}");
    }

    #[test]
    fn wrong_type_names_the_field_line_and_column() {
        let m = message("{\"format\": 1,\n \"apps\": [{\"id\": \"x\", \"name\": null}]}");
        assert!(m.starts_with("cat.json:2:"), "{m}");
        assert!(m.contains("apps[0].name"), "{m}");
        assert!(m.contains("expected a string"), "{m}");
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        let m = message("{\"format\": 1} extra");
        assert!(m.contains("trailing characters"), "{m}");
        assert!(m.starts_with("cat.json:1:15"), "{m}");
    }

    #[test]
    fn unknown_format_version_is_named() {
        let m = message(r#"{"format": 2, "apps": "whatever"}"#);
        assert!(m.contains("catalog format 2 is not supported"), "{m}");
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let m = message(r#"{"format":1,"apps":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}"#);
        assert!(m.contains("\"a\" appears twice (apps #1 and #2)"), "{m}");
    }

    #[test]
    fn not_json_says_expected_json() {
        let m = message("<html>");
        assert!(m.contains("expected valid JSON"), "{m}");
    }

    #[test]
    fn lone_surrogate_is_an_error_not_a_panic() {
        let m = message(r#"{"format":1,"apps":[{"id":"a","name":"\ud800"}]}"#);
        assert!(m.starts_with("cat.json:1:"), "{m}");
        assert!(m.contains("lone surrogates"), "{m}");
    }

    #[test]
    fn invalid_utf8_is_reported_with_position() {
        let mut bytes = br#"{"format":1,"apps":[{"id":"a","name":""#.to_vec();
        bytes.extend_from_slice(&[0xff, 0xfe]);
        bytes.extend_from_slice(br#""}]}"#);
        let m = parse_catalog_bytes(&bytes, Path::new("cat.json"))
            .unwrap_err()
            .to_string();
        assert!(m.starts_with("cat.json:1:"), "{m}");
    }

    #[test]
    fn deep_nesting_never_overflows_the_stack() {
        let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
        // Unknown fields are skipped without recursion, so deep nesting there is harmless.
        assert!(parse(&format!("{{\"format\":1,\"extra\":{deep}}}")).is_ok());
        let deep_obj = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
        let m = message(&format!(
            "{{\"format\":1,\"apps\":[{{\"id\":\"x\",\"name\":{deep_obj}}}]}}"
        ));
        assert!(m.contains("apps[0].name"), "{m}");
    }

    #[test]
    fn a_top_level_array_is_not_a_catalog() {
        let m = message("\n  [1, [], []]");
        assert!(
            m.starts_with("cat.json:2:3: expected a catalog JSON object"),
            "{m}"
        );
        assert!(message("1").contains("expected a catalog JSON object"));
        assert!(message("[1, [], [").contains("truncated"));
    }

    #[test]
    fn format_is_required() {
        let m = message(r#"{"apps": []}"#);
        assert!(m.starts_with("cat.json:1:"), "{m}");
        assert!(m.contains("missing field `format`"), "{m}");
    }

    #[test]
    fn an_empty_id_is_refused_where_it_is() {
        for id in ["", "  "] {
            let json = format!("{{\"format\":1,\"apps\":[\n{{\"id\":\"{id}\",\"name\":\"X\"}}]}}");
            assert!(parse_catalog_fast(json.as_bytes()).unwrap().is_none());
            let m = message(&json);
            assert!(m.starts_with("cat.json:2:"), "{m}");
            assert!(m.contains("apps[0].id"), "{m}");
            assert!(m.contains("expected a non-empty app id"), "{m}");
        }
    }

    #[test]
    fn huge_number_for_format_is_reported() {
        let m = message(r#"{"format": 1e400}"#);
        assert!(m.starts_with("cat.json:1:"), "{m}");
    }
}
