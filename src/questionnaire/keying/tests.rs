use super::*;
use crate::model::{Block, Zone};

fn zone(pivot: &str, rows: &[(&str, &str)]) -> Zone {
    Zone {
        pivot: pivot.into(),
        title: Default::default(),
        blocks: rows
            .iter()
            .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
            .collect(),
    }
}

fn keys_of(z: &Zone) -> Vec<&'static str> {
    z.rows()
        .map(|r| r.key.map_or("-", QuestionKey::as_str))
        .collect()
}

fn key_one(lang: &str, z: Zone) -> Zone {
    let mut apps = vec![App {
        id: "x".into(),
        language: lang.into(),
        zones: vec![z],
        ..App::default()
    }];
    key_apps(&mut apps);
    apps.pop().unwrap().zones.pop().unwrap()
}

#[test]
fn compliance_rows_are_keyed_by_their_standards_in_any_script() {
    // Made-up wordings in an invented order of words: only the standards' names and numbers
    // are the form's.
    let z = key_one(
        "xx-XX",
        zone(
            "compliance",
            &[
                ("Qqq HIPAA qqq?", "Q1"),
                ("Qqq HITRUST CSF?", "Q2"),
                ("Qqq SOC 1?", "Q1"),
                ("Qqq SOC 2?", "Q1"),
                ("Qqq SOC 3?", "Q2"),
                ("Qqq PCI DSS?", "Q1"),
                ("ISO 27001 qqq?", "Q1"),
                ("ISO 27018 qqq?", "Q1"),
                ("ISO 27017 qqq?", "Q1"),
                ("ISO 27002 qqq?", "Q1"),
                ("FedRAMP qqq?", "Q1"),
                ("FERPA qqq?", "Q1"),
                ("COPPA qqq?", "Q1"),
                ("SOX qqq?", "Q1"),
                ("NIST 800-171 qqq?", "Q1"),
                ("CSA STAR qqq?", "Q1"),
            ],
        ),
    );
    assert_eq!(
        keys_of(&z),
        [
            "compliance.hipaa",
            "compliance.hitrust",
            "compliance.soc1",
            "compliance.soc2",
            "compliance.soc3",
            "compliance.pci_dss",
            "compliance.iso27001",
            "compliance.iso27018",
            "compliance.iso27017",
            "compliance.iso27002",
            "compliance.fedramp",
            "compliance.ferpa",
            "compliance.coppa",
            "compliance.sox",
            "compliance.nist_800_171",
            "compliance.csa_star",
        ]
    );
}

#[test]
fn follow_up_dates_are_told_from_their_question_by_the_answer() {
    let z = key_one(
        "ko-KR",
        zone(
            "compliance",
            &[
                ("앱이 HIPAA를 준수하나요?", "예"),
                ("앱이 HITRUST CSF를 준수하나요?", "예"),
                ("앱이 SOC 1을 준수하나요?", "예"),
                ("가장 최근 SOC1 인증 날짜", "2021-12-25"),
                ("앱이 SOC 2를 준수하나요?", "아니오"),
            ],
        ),
    );
    assert_eq!(
        &keys_of(&z)[2..],
        ["compliance.soc1", "compliance.soc1_date", "compliance.soc2"]
    );
}

#[test]
fn a_question_the_form_does_not_have_keeps_no_key() {
    let z = key_one(
        "en-US",
        zone(
            "compliance",
            &[
                ("Is the app HIPAA compliant?", "Yes"),
                ("Is the app certified under ISO 99999 and EN 12345?", "Yes"),
            ],
        ),
    );
    assert_eq!(keys_of(&z), ["compliance.hipaa", "-"]);
    assert!(z.rows().nth(1).unwrap().english_label().is_none());
}

#[test]
fn shapes_are_listed_in_the_order_of_their_numbers() {
    for (i, shape) in Shape::ALL.iter().enumerate() {
        assert_eq!(*shape as usize, i);
    }
}
