//! Tests of the fast catalog reader (kept apart to keep `fast.rs` short).
use super::*;

fn fast(s: &str) -> Option<Catalog> {
    parse_catalog_fast(s.as_bytes()).unwrap()
}

fn slow(s: &str) -> Option<Catalog> {
    serde_json::from_str(s).ok()
}

#[test]
fn synthetic_catalog_reads_the_same_as_the_derived_parser() {
    let c = crate::synth::synthetic_catalog(300, 3);
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(fast(&json).unwrap(), c);
    let pretty = serde_json::to_string_pretty(&c).unwrap();
    assert_eq!(fast(&pretty).unwrap(), c);
}

#[test]
fn apps_spanning_many_chunks_are_all_read() {
    let c = crate::synth::synthetic_catalog(1200, 5);
    let json = serde_json::to_vec(&c).unwrap();
    assert!(json.len() > 2 * CHUNK);
    // One byte per read: every app straddles reads.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(7919);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let got = parse_catalog_fast(Trickle(&json)).unwrap().unwrap();
    assert_eq!(got, c);
}

#[test]
fn every_block_kind_and_registrations_are_read() {
    let s = r#"{"format":1,"registrations":[{"id":"g","apps":["a"]}],"apps":[{"id":"a","name":"A",
        "zones":[{"pivot":"p","blocks":[
          {"type":"row","question":"q","answer":"是","value":"yes","level":1},
          {"type":"table","title":"t","headers":["h"],"rows":[["x\"]"]]},
          {"type":"note","text":"n \\ {"}]}]}]}"#;
    assert_eq!(fast(s), slow(s));
    assert!(fast(s).is_some());
}

#[test]
fn unusual_or_bad_input_is_left_to_the_slow_path() {
    for s in [
        r#"{"format":1,"apps":[{"id":"a","name":"A","zones":[{"pivot":"p","blocks":[{"question":"q","type":"row"}]}]}]}"#,
        r#"{"format":1,"apps":[{"id":"a","name":"A","zones":[{"pivot":"p","blocks":[{"type":"row","type":"row","question":"q"}]}]}]}"#,
        r#"{"format":1,"extra":0}"#,
        r#"{"format":1,"format":1}"#,
        r#"{"format":1,"apps":[{"id":"a","name":"A"},]}"#,
        r#"{"format":1,"apps":[{"id":"a","name":"A"}}"#,
        r#"{"format":1,"apps":[{"id":"a","name":"A"}]} x"#,
        r#"{"format":1,"apps":[{"id":"a","name":"A"}"#,
        r#"{"format":1.5}"#,
        r#"{"apps":[]}"#,
        r#"{"format":1,"apps":[{"id":"a","name":"\ud800"}]}"#,
        "",
    ] {
        assert_eq!(fast(s), None, "{s}");
    }
}

#[test]
fn accepted_input_is_accepted_by_the_derived_parser_too() {
    for s in [
        "\u{feff}{\"format\":1}",
        " { \"format\" : 1 , \"apps\" : [ ] } \n",
        r#"{"apps":[{"id":"a","name":"A","zones":[]}],"format":1}"#,
    ] {
        let got = fast(s);
        assert!(got.is_some(), "{s}");
        assert_eq!(got, slow(s.trim_start_matches('\u{feff}')), "{s}");
    }
}

#[test]
fn apps_share_their_repeated_questions_and_answers() {
    let json = r#"{"format":1,"apps":[
        {"id":"A","name":"a","zones":[{"pivot":"data","blocks":[{"type":"row","question":"Q?","answer":"Yes"}]}]},
        {"id":"B","name":"b","zones":[{"pivot":"data","blocks":[{"type":"row","question":"Q?","answer":"Yes"}]}]}]}"#;
    let c = fast(json).unwrap();
    let row = |app: usize| c.apps[app].zones[0].rows().next().unwrap().clone();
    let (a, b) = (row(0), row(1));
    assert_eq!(a.question.as_ptr(), b.question.as_ptr());
    assert_eq!(a.answer.as_ptr(), b.answer.as_ptr());
    assert_eq!(
        c.apps[0].zones[0].pivot.as_ptr(),
        c.apps[1].zones[0].pivot.as_ptr()
    );
}

#[test]
fn deeply_nested_apps_are_left_to_the_slow_path() {
    // The workers' parser recurses per level; the scan refuses such apps before they get there.
    let deep = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let json = format!(r#"{{"format":1,"apps":[{{"id":"x","name":"n","clients":{deep}}}]}}"#);
    assert!(fast(&json).is_none());
    let shallow = r#"{"format":1,"apps":[{"id":"x","name":"n","clients":["Teams"]}]}"#;
    assert_eq!(fast(shallow).unwrap().apps[0].clients, ["Teams"]);
}

#[test]
fn a_bad_app_far_into_a_large_file_makes_the_fast_path_give_up() {
    // Several chunks, so the bad app is parsed by a worker while the reader is further on.
    let c = crate::synth::synthetic_catalog(1200, 11);
    let good = serde_json::to_string(&c).unwrap();
    assert!(good.len() > 4 * CHUNK);
    let id = &c.apps[1000].id;
    let bad = good.replacen(
        &format!(r#""id":"{id}","name":"#),
        &format!(r#""id":"{id}","name":7,"x":"#),
        1,
    );
    assert_ne!(bad, good);
    assert!(fast(&bad).is_none());
    // A problem the reader's scan sees (not the parser) near the end: the same.
    let truncated = &good[..good.len() - 3];
    assert!(fast(truncated).is_none());
    assert_eq!(fast(&good).unwrap(), c);
}
