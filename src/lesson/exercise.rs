//! The exercise engine's judgement: is an answer right, which message does a wrong answer
//! get, which hint comes next. The UI only renders what this module decides.
//!
//! Answers are checked on their value, not their spelling: numbers typed the French way
//! (`951 418`, `12,5`) or the English way are the same number; texts are compared without
//! case, accents, or extra spaces.

use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::lesson::model::{AnswerType, Feedback, Question};

/// The engine's judgement of one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "verdict", rename_all = "lowercase")]
pub enum Verdict {
    /// The answer is right.
    Correct,
    /// The answer is wrong; `feedback` is the message for this anticipated wrong answer.
    Wrong { feedback: Option<String> },
    /// The answer could not be read (not a number, not one of the choices): not an attempt.
    Invalid { message: String },
}

/// Judges `answer` against the question's reference.
pub fn check(q: &Question, answer: &serde_json::Value, lang: Lang) -> Verdict {
    let Some(given) = Given::read(q, answer, lang) else {
        let key = match q.answer_type {
            AnswerType::Number => "answer_not_number",
            AnswerType::Choice | AnswerType::Multiple => "answer_not_choice",
            AnswerType::Text => "answer_empty",
        };
        return Verdict::Invalid {
            message: i18n::t(lang, key),
        };
    };
    if given.is_accepted(q) {
        return Verdict::Correct;
    }
    let feedback = q
        .feedback
        .iter()
        .find(|f| given.matches_feedback(q, f))
        .map(|f| f.message.clone());
    Verdict::Wrong { feedback }
}

/// The interval of accepted numbers: `min`/`max` when given (a missing bound is open),
/// else the answer ± tolerance. `None` when the question is not a number question or its
/// definition gives neither.
pub fn accepted_range(q: &Question) -> Option<(f64, f64)> {
    if q.answer_type != AnswerType::Number {
        return None;
    }
    if q.min.is_some() || q.max.is_some() {
        return Some((
            q.min.unwrap_or(f64::NEG_INFINITY),
            q.max.unwrap_or(f64::INFINITY),
        ));
    }
    let r = number(&q.answer)?;
    let slack = q.tolerance.abs() + 1e-9 * r.abs().max(1.0);
    Some((r - slack, r + slack))
}

/// The range of an anticipated wrong answer given as `min`/`max`.
fn feedback_range(f: &Feedback) -> Option<(f64, f64)> {
    (f.min.is_some() || f.max.is_some()).then(|| {
        (
            f.min.unwrap_or(f64::NEG_INFINITY),
            f.max.unwrap_or(f64::INFINITY),
        )
    })
}

/// An answer read according to the question type.
enum Given {
    Choice(String),
    Multiple(std::collections::BTreeSet<String>),
    Number(f64),
    Text(String),
}

impl Given {
    fn read(q: &Question, v: &serde_json::Value, _lang: Lang) -> Option<Given> {
        match q.answer_type {
            AnswerType::Choice => {
                let s = v.as_str()?.trim();
                q.choices
                    .iter()
                    .any(|c| c.value == s)
                    .then(|| Given::Choice(s.to_string()))
            }
            AnswerType::Multiple => {
                let picked = value_set(v)?;
                (!picked.is_empty()
                    && picked
                        .iter()
                        .all(|p| q.choices.iter().any(|c| &c.value == p)))
                .then_some(Given::Multiple(picked))
            }
            AnswerType::Number => number(v).map(Given::Number),
            AnswerType::Text => {
                let s = v.as_str()?;
                let n = normalise_text(s);
                (!n.is_empty()).then_some(Given::Text(n))
            }
        }
    }

    /// Whether this answer is right: the reference, an accepted text, or inside the range.
    fn is_accepted(&self, q: &Question) -> bool {
        match self {
            Given::Number(x) => accepted_range(q).is_some_and(|(a, b)| *x >= a && *x <= b),
            _ => {
                self.matches(q, &q.answer)
                    || q.accept
                        .iter()
                        .any(|a| self.matches(q, &serde_json::Value::from(a.as_str())))
            }
        }
    }

    /// Whether this answer is the anticipated wrong answer (or range) of `f`.
    fn matches_feedback(&self, q: &Question, f: &Feedback) -> bool {
        match (self, feedback_range(f)) {
            (Given::Number(x), Some((a, b))) => *x >= a && *x <= b,
            (_, Some(_)) => false,
            _ => self.matches(q, &f.answer),
        }
    }

    /// Whether this answer equals `reference` (a reference answer or an anticipated one).
    fn matches(&self, q: &Question, reference: &serde_json::Value) -> bool {
        match self {
            Given::Choice(s) => reference.as_str() == Some(s.as_str()),
            Given::Multiple(set) => value_set(reference).as_ref() == Some(set),
            Given::Number(x) => number(reference)
                .is_some_and(|r| (x - r).abs() <= q.tolerance.abs() + 1e-9 * r.abs().max(1.0)),
            Given::Text(s) => reference.as_str().map(normalise_text).as_deref() == Some(s.as_str()),
        }
    }
}

/// A set of choice values from JSON: an array of strings.
fn value_set(v: &serde_json::Value) -> Option<std::collections::BTreeSet<String>> {
    v.as_array()?
        .iter()
        .map(|x| x.as_str().map(|s| s.trim().to_string()))
        .collect()
}

/// A number from JSON: a number, or a string typed by a person.
fn number(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => i18n::parse::number(s),
        _ => None,
    }
}

/// Lowercase, no accents, apostrophes unified (’ ‘ ` ´ ʼ ′ -> '), hyphens and dashes read
/// as spaces, spaces collapsed: `  Ville de  N’Djaména ` -> `ville de n'djamena`,
/// `Mayo-Kebbi  Est` -> `mayo kebbi est`.
pub fn normalise_text(s: &str) -> String {
    let stripped: String = crate::i18n::text::fold(s)
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}' | '\u{2032}' => '\'',
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => ' ',
            c => c,
        })
        .collect::<String>();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Problems with a question's definition, for `pack check` (English, for authors).
pub fn question_problems(q: &Question) -> Vec<String> {
    let mut out = Vec::new();
    match q.answer_type {
        AnswerType::Choice => {
            if q.choices.len() < 2 {
                out.push("a choice question needs at least two choices".into());
            }
            let value = q.answer.as_str().unwrap_or_default();
            if !q.choices.iter().any(|c| c.value == value) {
                out.push(format!(
                    "reference answer `{value}` is not one of the choices"
                ));
            }
        }
        AnswerType::Multiple => {
            if q.choices.len() < 2 {
                out.push("a multiple-choice question needs at least two choices".into());
            }
            match value_set(&q.answer) {
                Some(set) if !set.is_empty() => {
                    for v in set
                        .iter()
                        .filter(|v| !q.choices.iter().any(|c| &c.value == *v))
                    {
                        out.push(format!("reference answer `{v}` is not one of the choices"));
                    }
                }
                _ => out.push("reference answer must be a non-empty list of choice values".into()),
            }
        }
        AnswerType::Number => {
            let ranged = q.min.is_some() || q.max.is_some();
            if ranged {
                for b in [q.min, q.max].into_iter().flatten() {
                    if !b.is_finite() {
                        out.push("min and max must be numbers".into());
                    }
                }
                if let (Some(a), Some(b)) = (q.min, q.max) {
                    if a > b {
                        out.push("min is above max".into());
                    }
                }
                if !q.answer.is_null() && number(&q.answer).is_none() {
                    out.push("reference answer is not a number".into());
                }
                if q.tolerance != 0.0 {
                    out.push("give either min/max or a tolerance, not both".into());
                }
            } else if number(&q.answer).is_none() {
                out.push("reference answer is not a number (or give min/max)".into());
            }
            if !q.tolerance.is_finite() || q.tolerance < 0.0 {
                out.push("tolerance must be a positive number".into());
            }
        }
        AnswerType::Text => {
            if q.answer
                .as_str()
                .map(normalise_text)
                .unwrap_or_default()
                .is_empty()
            {
                out.push("reference answer is not a text".into());
            }
        }
    }
    if q.answer_type != AnswerType::Number && (q.min.is_some() || q.max.is_some()) {
        out.push("min and max are for number questions".into());
    }
    if out.is_empty() {
        // The reference must pass, and every anticipated wrong answer must fail.
        if !q.answer.is_null() && check(q, &q.answer, Lang::Fr) != Verdict::Correct {
            out.push("the reference answer does not pass its own check".into());
        }
        for f in &q.feedback {
            if let Some((a, b)) = feedback_range(f) {
                if q.answer_type != AnswerType::Number || !f.answer.is_null() {
                    out.push(
                        "an anticipated range (min/max) is for number questions, without answer"
                            .into(),
                    );
                } else if a > b || a.is_nan() || b.is_nan() {
                    out.push(format!("anticipated range {a}..{b}: min is above max"));
                } else if let Some((ra, rb)) = accepted_range(q) {
                    if a.max(ra) <= b.min(rb) {
                        out.push(format!(
                            "anticipated wrong range {}..{} overlaps the accepted answers",
                            fmt_bound(a),
                            fmt_bound(b)
                        ));
                    }
                }
                continue;
            }
            if f.answer.is_null() {
                out.push("an anticipated wrong answer needs `answer` or `min`/`max`".into());
                continue;
            }
            match check(q, &f.answer, Lang::Fr) {
                Verdict::Correct => out.push(format!(
                    "anticipated wrong answer {} is accepted as correct",
                    f.answer
                )),
                Verdict::Invalid { .. } => out.push(format!(
                    "anticipated wrong answer {} is not a valid answer",
                    f.answer
                )),
                Verdict::Wrong { .. } => {}
            }
        }
    }
    out
}

fn fmt_bound(x: f64) -> String {
    if x.is_infinite() {
        "…".into()
    } else {
        x.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn q(src: &str) -> Question {
        toml::from_str(src).unwrap()
    }

    /// What a case expects of [`check`]: right, wrong with that feedback (or none), or
    /// unreadable.
    #[derive(Debug)]
    enum Expect {
        Right,
        Wrong(Option<&'static str>),
        Invalid,
    }
    use Expect::{Invalid, Right, Wrong};

    /// Checks each answer of `cases` to `question`, in French, against what it expects.
    fn assert_checks(question: &Question, cases: &[(serde_json::Value, Expect)]) {
        for (answer, expect) in cases {
            let got = check(question, answer, Lang::Fr);
            match expect {
                Right => assert_eq!(got, Verdict::Correct, "{answer}"),
                Wrong(feedback) => assert_eq!(
                    got,
                    Verdict::Wrong {
                        feedback: feedback.map(String::from)
                    },
                    "{answer}"
                ),
                Invalid => assert!(matches!(got, Verdict::Invalid { .. }), "{answer}: {got:?}"),
            }
        }
    }

    #[test]
    fn numbers_typed_the_french_way_are_right() {
        let question = q("type = \"number\"\nanswer = 951418\n[[feedback]]\nanswer = 993492\nmessage = \"Autre source\"");
        assert_checks(
            &question,
            &[
                (json!("951 418"), Right),
                (json!(951418), Right),
                (json!("993\u{202F}492"), Wrong(Some("Autre source"))),
                (json!("12"), Wrong(None)),
                (json!("beaucoup"), Invalid),
            ],
        );
    }

    #[test]
    fn tolerance_is_honoured() {
        let question = q("type = \"number\"\nanswer = 8.6\ntolerance = 0.1");
        assert_checks(
            &question,
            &[
                (json!("8,55"), Right),
                (json!("8,7"), Right),
                (json!("8,8"), Wrong(None)),
            ],
        );
    }

    #[test]
    fn texts_ignore_case_accents_and_spaces() {
        let question =
            q("type = \"text\"\nanswer = \"N'Djaména\"\naccept = [\"Ville de N'Djamena\"]");
        assert_checks(
            &question,
            &[
                (json!("ndjamena"), Wrong(None)),
                (json!("N’Djamena"), Right),
                (json!("  n'djaména "), Right),
                (json!("VILLE DE N'DJAMENA"), Right),
                (json!("   "), Invalid),
            ],
        );
    }

    #[test]
    fn choices_must_be_offered() {
        let question = q("type = \"choice\"\nanswer = \"a\"\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"}]\n[[feedback]]\nanswer = \"b\"\nmessage = \"Non\"");
        assert_checks(
            &question,
            &[
                (json!("a"), Right),
                (json!("b"), Wrong(Some("Non"))),
                (json!("c"), Invalid),
            ],
        );
        assert!(question_problems(&question).is_empty());
    }

    #[test]
    fn definition_problems() {
        let bad = q("type = \"number\"\nanswer = 3\n[[feedback]]\nanswer = 3\nmessage = \"?\"");
        assert_eq!(
            question_problems(&bad),
            vec!["anticipated wrong answer 3 is accepted as correct".to_string()]
        );
        let bad = q("type = \"choice\"\nanswer = \"z\"\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"}]");
        assert_eq!(question_problems(&bad).len(), 1);
    }

    #[test]
    fn multiple_choice_is_a_set() {
        let question = q("type = \"multiple\"\nanswer = [\"a\", \"c\"]\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"},{value=\"c\",label=\"C\"}]\n[[feedback]]\nanswer = [\"a\", \"b\", \"c\"]\nmessage = \"B en trop\"");
        assert!(
            question_problems(&question).is_empty(),
            "{:?}",
            question_problems(&question)
        );
        assert_checks(
            &question,
            &[
                (json!(["c", "a"]), Right),
                (json!(["a"]), Wrong(None)),
                (json!(["b", "c", "a"]), Wrong(Some("B en trop"))),
                (json!([]), Invalid),
                (json!(["z"]), Invalid),
                (json!("a"), Invalid),
            ],
        );
        let bad = q("type = \"multiple\"\nanswer = [\"z\"]\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"}]");
        assert_eq!(question_problems(&bad).len(), 1);
    }

    #[test]
    fn ranges_of_numbers() {
        let question = q(r#"type = "number"
min = 45
max = 55
[[feedback]]
min = 0
max = 10
message = "C'est un pourcentage, pas une fraction"
[[feedback]]
answer = 100
message = "Trop"
"#);
        assert!(
            question_problems(&question).is_empty(),
            "{:?}",
            question_problems(&question)
        );
        let fraction = "C'est un pourcentage, pas une fraction";
        assert_checks(
            &question,
            &[
                (json!("45"), Right),
                (json!("52,5"), Right),
                (json!(55), Right),
                (json!("0,5"), Wrong(Some(fraction))),
                (json!("100"), Wrong(Some("Trop"))),
                (json!("55,01"), Wrong(None)),
            ],
        );
        // Open bound: at least 1 000.
        let open = q("type = \"number\"\nmin = 1000");
        assert_checks(
            &open,
            &[(json!("1 000 000"), Right), (json!("999"), Wrong(None))],
        );
        // A feedback range with a tolerance-based answer too.
        let tol = q("type = \"number\"\nanswer = 8.6\ntolerance = 0.1\n[[feedback]]\nmin = 80\nmax = 90\nmessage = \"Virgule\"");
        assert!(question_problems(&tol).is_empty());
        assert_checks(&tol, &[(json!("86"), Wrong(Some("Virgule")))]);
    }

    #[test]
    fn bad_ranges_are_pack_problems() {
        let overlap = q("type = \"number\"\nmin = 45\nmax = 55\n[[feedback]]\nmin = 50\nmax = 60\nmessage = \"?\"");
        let p = question_problems(&overlap);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("overlaps"), "{p:?}");
        let tol_overlap = q("type = \"number\"\nanswer = 10\ntolerance = 1\n[[feedback]]\nmin = 10.5\nmessage = \"?\"");
        assert_eq!(question_problems(&tol_overlap).len(), 1);
        let reversed = q("type = \"number\"\nmin = 5\nmax = 1");
        assert_eq!(
            question_problems(&reversed),
            vec!["min is above max".to_string()]
        );
        let outside = q("type = \"number\"\nmin = 1\nmax = 5\nanswer = 7");
        assert_eq!(
            question_problems(&outside),
            vec!["the reference answer does not pass its own check".to_string()]
        );
        let none = q("type = \"number\"");
        assert_eq!(question_problems(&none).len(), 1);
        let text_range = q("type = \"text\"\nanswer = \"a\"\nmin = 1");
        assert_eq!(question_problems(&text_range).len(), 1);
        let empty_feedback = q("type = \"number\"\nanswer = 1\n[[feedback]]\nmessage = \"?\"");
        assert_eq!(question_problems(&empty_feedback).len(), 1);
    }

    #[test]
    fn apostrophes_and_hyphens_normalise() {
        for (text, normalised) in [
            ("N’Djaména", "n'djamena"),
            ("Nʼdjamena", "n'djamena"),
            ("Mayo-Kebbi  Est", "mayo kebbi est"),
            ("Mayo\u{2013}Kebbi Est", "mayo kebbi est"),
            (" Barh-El-Gazel ", "barh el gazel"),
        ] {
            assert_eq!(normalise_text(text), normalised, "{text}");
        }
        let question = q("type = \"text\"\nanswer = \"Mayo-Kebbi Est\"");
        assert_checks(
            &question,
            &[
                (json!("mayo kebbi est"), Right),
                (json!("MAYO–KÉBBI-EST"), Right),
                (json!(" - "), Invalid),
            ],
        );
    }
}
