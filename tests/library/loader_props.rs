//! Arbitrary bytes into the catalog loader: an error or a catalog, never a panic.

use std::path::Path;

use attest_tui::load::parse_catalog_bytes;
use proptest::prelude::*;

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        // An error names the file it is about; a catalog read from 2 KB holds few apps.
        match parse_catalog_bytes(&bytes, Path::new("fuzz.json")) {
            Err(e) => prop_assert!(e.to_string().starts_with("fuzz.json"), "{}", e),
            Ok(c) => prop_assert!(c.apps.len() <= bytes.len()),
        }
    }

    #[test]
    fn json_like_text_never_panics(text in r#"[\{\}\[\]":,0-9a-z\\ \n-]{0,400}"#) {
        let wrapped = format!("{{\"format\":1,\"apps\":[{text}]}}");
        if let Err(e) = parse_catalog_bytes(wrapped.as_bytes(), Path::new("fuzz.json")) {
            let msg = e.to_string();
            prop_assert!(msg.starts_with("fuzz.json"), "{}", msg);
        }
    }
}
