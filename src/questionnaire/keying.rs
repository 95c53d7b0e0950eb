//! Which questionnaire question each row of a page asks, in any language.
//!
//! The pages of every language are machine translations of one English form, and a page asks a
//! zone's questions in the form's order, leaving out follow-ups that do not apply and questions
//! its form version did not have. So a zone's rows are aligned with the zone's questions (a
//! monotone alignment, by dynamic programming) on signals no translation changes:
//!
//! - the order of the form, and which questions a page may leave out (`optional`, `since`);
//! - the numbers and Latin tokens of the question (`SOC 2`, `ISO 27001`, `72`, `MFA`), present
//!   where the question has them and absent where it does not;
//! - the kind of answer (yes/no, a URL, a date, an app id, free text);
//! - the nesting level (certification controls under their section).
//!
//! Text is the confirmation: the pages imported together repeat each question's wording, so
//! a first pass learns which wording the aligned rows of each language gave each key (a
//! [`Vocabulary`]) and a second pass counts that in, which settles the rows where the structure
//! alone is ambiguous (a page that lost a row among questions without numbers).

mod wording;

use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};
use wording::*;

use super::QuestionKey;
use super::table::{AnswerKind, Question, questionnaire};
use crate::model::{Answer, App, Row, SharedText, normalize_answer_in};

/// Question wordings learned from pages keyed by structure: per language and zone, the key most
/// of the rows with that wording were given.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    words: HashMap<(String, String, String), QuestionKey>,
}

impl Vocabulary {
    fn get(&self, lang: &str, zone: &str, wording: &str) -> Option<QuestionKey> {
        self.words
            .get(&(lang.to_string(), zone.to_string(), wording.to_string()))
            .copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// How many rows were seen and keyed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KeyingStats {
    pub rows: usize,
    pub keyed: usize,
}

/// What the alignment of one zone needs from the questionnaire, worked out once per run: the
/// zone's slots, each slot's answer kind and cost of leaving it out, and the slots each version
/// of the zone's form may use.
struct ZonePlan {
    slots: &'static [usize],
    /// Per answer shape (`Shape as usize`), its score against each slot's kind of answer.
    kinds: Vec<Vec<f64>>,
    skips: Vec<f64>,
    /// Per form version, the slots it asks (indices into `slots`); one list of every slot when
    /// the zone's form has no versions.
    candidates: Vec<Vec<usize>>,
}

impl ZonePlan {
    fn new(zone: &str) -> ZonePlan {
        let table = questionnaire();
        let slots = table.zone_slots(zone);
        let questions: Vec<&Question> = slots.iter().map(|&i| table.question_at(i)).collect();
        // A question's second place is the less likely one: leaving it out costs half.
        let skips = questions
            .iter()
            .zip(table.zone_aliases(zone))
            .map(|(q, &alias)| skip_cost(q) * if alias { 0.5 } else { 1.0 })
            .collect();
        let mut forms: Vec<&str> = questions
            .iter()
            .flat_map(|q| q.forms.iter().map(String::as_str))
            .collect();
        forms.sort_unstable();
        forms.dedup();
        let all: Vec<usize> = (0..slots.len()).collect();
        let candidates = if forms.is_empty() {
            vec![all]
        } else {
            forms
                .iter()
                .map(|f| {
                    all.iter()
                        .copied()
                        .filter(|&j| {
                            questions[j].forms.is_empty()
                                || questions[j].forms.iter().any(|g| g == f)
                        })
                        .collect()
                })
                .collect()
        };
        ZonePlan {
            slots,
            kinds: Shape::ALL
                .iter()
                .map(|&shape| {
                    questions
                        .iter()
                        .map(|q| kind_score(q.answer, shape))
                        .collect()
                })
                .collect(),
            skips,
            candidates,
        }
    }

    /// The plan of a zone the questionnaire has (a few zones: a list).
    fn of(zone: &str) -> Option<&'static ZonePlan> {
        static PLANS: LazyLock<Vec<(&'static str, ZonePlan)>> = LazyLock::new(|| {
            questionnaire()
                .zones()
                .map(|z| (z, ZonePlan::new(z)))
                .collect()
        });
        PLANS
            .iter()
            .find(|(z, _)| *z == zone)
            .map(|(_, plan)| plan)
            .filter(|plan| !plan.slots.is_empty())
    }
}

/// Buffers of the alignment, kept from one zone to the next.
#[derive(Default)]
struct Scratch {
    /// Each row's score against every slot of the zone, a row after another.
    scores: Vec<f64>,
    skips: Vec<f64>,
    best: Vec<f64>,
    step: Vec<u8>,
}

/// The key of each of `n` rows of one zone (`None` where no question fits), from their scores
/// in `scratch.scores`. A zone whose form has versions is aligned with each and keyed by the
/// one that fits best.
fn align(plan: &ZonePlan, n: usize, scratch: &mut Scratch) -> Vec<Option<QuestionKey>> {
    let mut best: Option<(f64, Vec<Option<QuestionKey>>)> = None;
    for used in &plan.candidates {
        let (score, keys) = align_over(n, used, plan, scratch);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, keys));
        }
    }
    best.map(|(_, keys)| keys).unwrap_or_else(|| vec![None; n])
}

/// The best monotone alignment of `n` rows with the slots `used` (indices into the zone's
/// slots), by dynamic programming, and its score.
fn align_over(
    n: usize,
    used: &[usize],
    plan: &ZonePlan,
    scratch: &mut Scratch,
) -> (f64, Vec<Option<QuestionKey>>) {
    let m = used.len();
    let Scratch {
        scores,
        skips,
        best,
        step,
    } = scratch;
    skips.clear();
    skips.extend(used.iter().map(|&slot| plan.skips[slot]));
    // best[i][j]: the best alignment of the first i rows with the first j slots.
    let width = m + 1;
    best.clear();
    best.resize((n + 1) * width, f64::NEG_INFINITY);
    step.clear();
    step.resize((n + 1) * width, 0);
    best[0] = 0.0;
    for j in 1..=m {
        best[j] = best[j - 1] - skips[j - 1];
        step[j] = SKIP_QUESTION;
    }
    let row_len = plan.slots.len();
    for i in 1..=n {
        let row = &scores[(i - 1) * row_len..i * row_len];
        let (before, rest) = best.split_at_mut(i * width);
        let above = &before[(i - 1) * width..];
        let here = &mut rest[..width];
        let steps = &mut step[i * width..(i + 1) * width];
        // here[j - 1], carried along the row.
        let mut left = above[0] - UNKEYED_ROW;
        here[0] = left;
        steps[0] = SKIP_ROW;
        let cells = here[1..].iter_mut().zip(&mut steps[1..]);
        let slots = used.iter().zip(skips.iter());
        let prior = above.iter().zip(&above[1..]);
        for (((cell, step), (&slot, &skip)), (&diagonal, &up)) in cells.zip(slots).zip(prior) {
            let s = row[slot];
            // A row that contradicts a question (another standard's number, a date for a yes/no
            // question) is not that question, whatever it would save in skipped questions.
            let matched = if s > MIN_MATCH {
                diagonal + s
            } else {
                f64::NEG_INFINITY
            };
            let skip_q = left - skip;
            let skip_r = up - UNKEYED_ROW;
            let (v, s) = if matched >= skip_q && matched >= skip_r {
                (matched, MATCH)
            } else if skip_q >= skip_r {
                (skip_q, SKIP_QUESTION)
            } else {
                (skip_r, SKIP_ROW)
            };
            *cell = v;
            *step = s;
            left = v;
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i * width + j] {
            MATCH => {
                out[i - 1] = Some(QuestionKey::from_index(plan.slots[used[j - 1]]));
                i -= 1;
                j -= 1;
            }
            SKIP_QUESTION => j -= 1,
            _ => i -= 1,
        }
    }
    (best[n * width + m], out)
}

const MATCH: u8 = 0;
const SKIP_QUESTION: u8 = 1;
const SKIP_ROW: u8 = 2;

/// Aligns the zones of one language, remembering each distinct wording's scores against the
/// slots of its zone: a catalog repeats a few hundred wordings in thousands of zones.
struct Keyer<'v> {
    language: String,
    vocab: Option<&'v Vocabulary>,
    /// Per (zone, level), the entry of each question text seen (a few zones: a list).
    seen: Vec<((String, u8), HashMap<SharedText, usize>)>,
    entries: Vec<Entry>,
    /// The keys of each zone aligned so far, by its rows' entries and answer shapes: the pages
    /// of a catalog ask the same zones with the same wordings again and again (the zh-CN
    /// corpus has 4,661 zones with rows and under 600 distinct ones), and the alignment
    /// depends on nothing else. Cleared when the vocabulary changes the entries' scores.
    aligned: HashMap<Vec<(usize, Shape)>, Vec<Option<QuestionKey>>>,
    /// Each answer text's value to a yes/no question and its shape: a catalog repeats a few
    /// thousand answers in tens of thousands of rows.
    answers: HashMap<SharedText, (Answer, Shape)>,
    scratch: Scratch,
}

struct Entry {
    scores: Box<[f64]>,
    zone: String,
    /// The question text folded (`text_key`), which the vocabulary is keyed by.
    wording: String,
    /// Keys given to rows with this text, with how often (the first pass's votes).
    votes: Vec<(QuestionKey, usize)>,
    /// Whether the vocabulary changed the scores.
    learned: bool,
}

impl<'v> Keyer<'v> {
    fn new(language: &str, vocab: Option<&'v Vocabulary>) -> Keyer<'v> {
        Keyer {
            language: language.to_string(),
            vocab,
            seen: Vec::new(),
            entries: Vec::new(),
            aligned: HashMap::new(),
            answers: HashMap::new(),
            scratch: Scratch::default(),
        }
    }

    fn entry(&mut self, zone: &str, slots: &[usize], row: &Row) -> usize {
        let at = match self
            .seen
            .iter()
            .position(|((z, l), _)| z == zone && *l == row.level)
        {
            Some(at) => at,
            None => {
                self.seen
                    .push(((zone.to_string(), row.level), HashMap::new()));
                self.seen.len() - 1
            }
        };
        let by_text = &mut self.seen[at].1;
        if let Some(&i) = by_text.get(row.question.as_str()) {
            return i;
        }
        let i = self.entries.len();
        by_text.insert(row.question.clone(), i);
        let wording = crate::compare::text_key(&row.question);
        let scores = self.wording_scores(zone, slots, row, &wording);
        self.entries.push(Entry {
            scores,
            zone: zone.to_string(),
            wording,
            votes: Vec::new(),
            learned: false,
        });
        i
    }

    /// An answer's value to a yes/no question in this keyer's language, and its shape.
    fn answer(&mut self, answer: &SharedText) -> (Answer, Shape) {
        if let Some(&read) = self.answers.get(answer.as_str()) {
            return read;
        }
        let value = normalize_answer_in(answer, &self.language, true);
        let read = (value, shape_of(answer, value));
        self.answers.insert(answer.clone(), read);
        read
    }

    /// The keys of one zone's rows, given each row's entry and answer shape.
    fn align_seen(
        &mut self,
        zone: &str,
        seen: &[(usize, Shape, Answer)],
    ) -> Vec<Option<QuestionKey>> {
        let n = seen.len();
        let Some(plan) = ZonePlan::of(zone).filter(|_| n > 0) else {
            return vec![None; n];
        };
        // An entry belongs to one zone, so the entries and shapes say which zone too.
        let signature: Vec<(usize, Shape)> =
            seen.iter().map(|&(id, shape, _)| (id, shape)).collect();
        if let Some(keys) = self.aligned.get(&signature) {
            return keys.clone();
        }
        let scores = &mut self.scratch.scores;
        scores.clear();
        for &(id, shape, _) in seen {
            let kinds = &plan.kinds[shape as usize];
            scores.extend(
                self.entries[id]
                    .scores
                    .iter()
                    .zip(kinds)
                    .map(|(s, k)| s + k),
            );
        }
        let keys = align(plan, n, &mut self.scratch);
        self.aligned.insert(signature, keys.clone());
        keys
    }

    /// Count the vocabulary in: recompute the scores of the wordings it knows.
    fn relearn(&mut self, vocab: &Vocabulary) {
        let table = questionnaire();
        for e in &mut self.entries {
            let Some(k) = vocab.get(&self.language, &e.zone, &e.wording) else {
                continue;
            };
            for (s, &slot) in e.scores.iter_mut().zip(table.zone_slots(&e.zone)) {
                *s += if k == QuestionKey::from_index(slot) {
                    VOCAB_MATCH
                } else {
                    VOCAB_MISMATCH
                };
            }
            e.learned = true;
        }
        self.aligned.clear();
    }

    fn changed(&self, entry: usize) -> bool {
        self.entries.get(entry).is_some_and(|e| e.learned)
    }

    fn wording_scores(&self, zone: &str, slots: &[usize], row: &Row, folded: &str) -> Box<[f64]> {
        let table = questionnaire();
        let w = wording(&row.question);
        let zone_anchors: Vec<&[String]> = slots
            .iter()
            .flat_map(|&i| table.question_at(i).anchors.iter().map(Vec::as_slice))
            .collect();
        let learned = self.vocab.and_then(|v| v.get(&self.language, zone, folded));
        slots
            .iter()
            .map(|&i| {
                let mut s = wording_score(&w, row.level, table.question_at(i), &zone_anchors);
                if let Some(k) = learned {
                    s += if k == QuestionKey::from_index(i) {
                        VOCAB_MATCH
                    } else {
                        VOCAB_MISMATCH
                    };
                }
                s
            })
            .collect()
    }

    fn vote(&mut self, entry: usize, key: QuestionKey) {
        let votes = &mut self.entries[entry].votes;
        match votes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => votes.push((key, 1)),
        }
    }
}

/// Key the rows of one zone and read their answers by their questions. `language` is the page's
/// (`de-DE`), used for the answers only.
pub fn key_zone_rows(
    zone: &str,
    rows: &mut [&mut Row],
    language: &str,
    vocab: Option<&Vocabulary>,
) {
    let mut keyer = Keyer::new(language, vocab);
    let slots = questionnaire().zone_slots(zone);
    let seen: Vec<(usize, Shape, Answer)> = rows
        .iter()
        .map(|row| {
            let (value, shape) = keyer.answer(&row.answer);
            let id = if slots.is_empty() {
                usize::MAX
            } else {
                keyer.entry(zone, slots, row)
            };
            (id, shape, value)
        })
        .collect();
    let keys = keyer.align_seen(zone, &seen);
    for ((row, key), &(_, _, value)) in rows.iter_mut().zip(keys).zip(&seen) {
        row.key = key;
        revalue(row, language, value);
    }
}

/// Read a keyed row's answer by its question: the yes/no words of the page language for yes/no
/// questions; copied page text that lost a free-text answer did not lose an icon.
fn revalue(row: &mut Row, language: &str, yes_no_value: Answer) {
    let kind = row.key.and_then(super::question).map(|q| q.answer);
    let yes_no = matches!(kind, Some(AnswerKind::YesNo) | None);
    if row.value == Answer::NotCopied {
        if !yes_no && row.answer.trim().is_empty() {
            row.value = Answer::Unanswered;
        }
        return;
    }
    row.value = if yes_no {
        yes_no_value
    } else {
        normalize_answer_in(&row.answer, language, false)
    };
}

/// Key every row of every app. Apps are keyed in two passes per language: by structure, then
/// with the wordings the first pass learned (see the module comment). What the first pass finds
/// out about each row (its wording's entry, its answer) is kept for the second.
pub fn key_apps(apps: &mut [App]) -> KeyingStats {
    let mut refs: Vec<&mut App> = apps.iter_mut().collect();
    key_app_refs(&mut refs, false)
}

/// Key the apps of a catalog written before rows had keys (apps none of whose rows has one);
/// apps with keys are left as they are. Such a catalog may be written by hand, with questions
/// of its own, which the structure alone would pair with the form's at random: a row is only
/// keyed when its wording recurs in the catalog and was keyed one way (the vocabulary), as the
/// questions of imported pages do. Returns how many rows were keyed.
pub fn key_unkeyed(apps: &mut [App]) -> usize {
    let mut refs: Vec<&mut App> = apps
        .iter_mut()
        .filter(|a| a.rows().next().is_some() && a.rows().all(|r| r.key.is_none()))
        .collect();
    if refs.is_empty() {
        return 0;
    }
    key_app_refs(&mut refs, true).keyed
}

fn key_app_refs(apps: &mut [&mut App], learned_only: bool) -> KeyingStats {
    // One keyer per page language, in order of first appearance.
    let mut languages: Vec<String> = Vec::new();
    let mut keyers: Vec<Keyer> = Vec::new();
    let mut rows_seen: Vec<(usize, Shape, Answer)> = Vec::new();
    let mut zone_keys: Vec<Vec<Option<QuestionKey>>> = Vec::new();
    for app in apps.iter() {
        let lang = match languages.iter().position(|l| *l == app.language) {
            Some(i) => i,
            None => {
                languages.push(app.language.clone());
                keyers.push(Keyer::new(&app.language, None));
                keyers.len() - 1
            }
        };
        let keyer = &mut keyers[lang];
        for zone in &app.zones {
            let start = rows_seen.len();
            let slots = questionnaire().zone_slots(&zone.pivot);
            for row in zone.rows() {
                let (value, shape) = keyer.answer(&row.answer);
                let id = if slots.is_empty() {
                    usize::MAX
                } else {
                    keyer.entry(&zone.pivot, slots, row)
                };
                rows_seen.push((id, shape, value));
            }
            let keys = keyer.align_seen(&zone.pivot, &rows_seen[start..]);
            for (&(id, _, _), key) in rows_seen[start..].iter().zip(&keys) {
                if let Some(k) = key {
                    keyer.vote(id, *k);
                }
            }
            zone_keys.push(keys);
        }
    }
    let vocab = vocabulary(&languages, &keyers);
    for keyer in &mut keyers {
        keyer.relearn(&vocab);
    }

    let mut stats = KeyingStats::default();
    let (mut at, mut zone_at) = (0, 0);
    for app in apps.iter_mut() {
        let lang = languages
            .iter()
            .position(|l| *l == app.language)
            .expect("every language was seen in the first pass");
        for zone in &mut app.zones {
            let n = zone.rows().count();
            let seen = &rows_seen[at..at + n];
            // Only zones with learned wordings can come out differently the second time.
            let keys = if seen.iter().any(|(id, _, _)| keyers[lang].changed(*id)) {
                keyers[lang].align_seen(&zone.pivot, seen)
            } else {
                std::mem::take(&mut zone_keys[zone_at])
            };
            for ((row, key), &(id, _, yes_no_value)) in zone.rows_mut().zip(keys).zip(seen) {
                let key = key.filter(|_| !learned_only || keyers[lang].changed(id));
                row.key = key;
                revalue(row, &app.language, yes_no_value);
                stats.rows += 1;
                stats.keyed += usize::from(key.is_some());
            }
            at += n;
            zone_at += 1;
        }
    }
    stats
}

/// The vocabulary of the first pass's votes. Several question texts fold to one wording: their
/// votes add up. A wording becomes vocabulary when at least three rows have it and two thirds of
/// them got one key.
fn vocabulary(languages: &[String], keyers: &[Keyer]) -> Vocabulary {
    let mut votes: HashMap<(String, String, String), Vec<(QuestionKey, usize)>> = HashMap::new();
    for (lang, keyer) in languages.iter().zip(keyers) {
        for e in &keyer.entries {
            let all = votes
                .entry((lang.clone(), e.zone.clone(), e.wording.clone()))
                .or_default();
            for &(k, n) in &e.votes {
                match all.iter_mut().find(|(x, _)| *x == k) {
                    Some((_, m)) => *m += n,
                    None => all.push((k, n)),
                }
            }
        }
    }
    let mut words = HashMap::new();
    for (wording, counts) in votes {
        let total: usize = counts.iter().map(|(_, n)| n).sum();
        if let Some(&(key, n)) = counts
            .iter()
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)))
            && n >= 3
            && n * 3 >= total * 2
        {
            words.insert(wording, key);
        }
    }
    Vocabulary { words }
}

#[cfg(test)]
mod tests;
