//! The exercise engine's judgement: is an answer right, which message does a wrong answer
//! get, which hint comes next. The UI only renders what this module decides.
//!
//! Answers are checked on their value, not their spelling: numbers typed the French way
//! (`951 418`, `12,5`) or the English way are the same number; texts are compared without
//! case, accents, or extra spaces.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::i18n::{self, Lang};
use crate::pack::{AnswerType, Question};

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
            message: i18n::t(lang, key).into(),
        };
    };
    if given.matches(q, &q.answer)
        || q.accept
            .iter()
            .any(|a| given.matches(q, &serde_json::Value::from(a.as_str())))
    {
        return Verdict::Correct;
    }
    let feedback = q
        .feedback
        .iter()
        .find(|f| given.matches(q, &f.answer))
        .map(|f| f.message.clone());
    Verdict::Wrong { feedback }
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
        serde_json::Value::String(s) => i18n::parse_number(s),
        _ => None,
    }
}

/// Lowercase, no accents, apostrophes unified, spaces collapsed: `  Ville de  N’Djaména ` ->
/// `ville de n'djamena`.
pub fn normalise_text(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
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
            if number(&q.answer).is_none() {
                out.push("reference answer is not a number".into());
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
    if out.is_empty() {
        // The reference must pass, and every anticipated wrong answer must fail.
        if check(q, &q.answer, Lang::Fr) != Verdict::Correct {
            out.push("the reference answer does not pass its own check".into());
        }
        for f in &q.feedback {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn q(src: &str) -> Question {
        toml::from_str(src).unwrap()
    }

    #[test]
    fn numbers_typed_the_french_way_are_right() {
        let question = q("type = \"number\"\nanswer = 951418\n[[feedback]]\nanswer = 993492\nmessage = \"Autre source\"");
        assert_eq!(
            check(&question, &json!("951 418"), Lang::Fr),
            Verdict::Correct
        );
        assert_eq!(check(&question, &json!(951418), Lang::Fr), Verdict::Correct);
        assert_eq!(
            check(&question, &json!("993\u{202F}492"), Lang::Fr),
            Verdict::Wrong {
                feedback: Some("Autre source".into())
            }
        );
        assert_eq!(
            check(&question, &json!("12"), Lang::Fr),
            Verdict::Wrong { feedback: None }
        );
        assert!(matches!(
            check(&question, &json!("beaucoup"), Lang::Fr),
            Verdict::Invalid { .. }
        ));
    }

    #[test]
    fn tolerance_is_honoured() {
        let question = q("type = \"number\"\nanswer = 8.6\ntolerance = 0.1");
        assert_eq!(check(&question, &json!("8,55"), Lang::Fr), Verdict::Correct);
        assert_eq!(check(&question, &json!("8,7"), Lang::Fr), Verdict::Correct);
        assert_eq!(
            check(&question, &json!("8,8"), Lang::Fr),
            Verdict::Wrong { feedback: None }
        );
    }

    #[test]
    fn texts_ignore_case_accents_and_spaces() {
        let question =
            q("type = \"text\"\nanswer = \"N'Djaména\"\naccept = [\"Ville de N'Djamena\"]");
        for ok in [
            "ndjamena",
            "N’Djamena",
            "  n'djaména ",
            "VILLE DE N'DJAMENA",
        ] {
            let v = check(&question, &json!(ok), Lang::Fr);
            if ok == "ndjamena" {
                assert_eq!(v, Verdict::Wrong { feedback: None }, "{ok}");
            } else {
                assert_eq!(v, Verdict::Correct, "{ok}");
            }
        }
        assert!(matches!(
            check(&question, &json!("   "), Lang::Fr),
            Verdict::Invalid { .. }
        ));
    }

    #[test]
    fn choices_must_be_offered() {
        let question = q("type = \"choice\"\nanswer = \"a\"\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"}]\n[[feedback]]\nanswer = \"b\"\nmessage = \"Non\"");
        assert_eq!(check(&question, &json!("a"), Lang::Fr), Verdict::Correct);
        assert_eq!(
            check(&question, &json!("b"), Lang::Fr),
            Verdict::Wrong {
                feedback: Some("Non".into())
            }
        );
        assert!(matches!(
            check(&question, &json!("c"), Lang::Fr),
            Verdict::Invalid { .. }
        ));
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
        assert_eq!(
            check(&question, &json!(["c", "a"]), Lang::Fr),
            Verdict::Correct
        );
        assert_eq!(
            check(&question, &json!(["a"]), Lang::Fr),
            Verdict::Wrong { feedback: None }
        );
        assert_eq!(
            check(&question, &json!(["b", "c", "a"]), Lang::Fr),
            Verdict::Wrong {
                feedback: Some("B en trop".into())
            }
        );
        assert!(matches!(
            check(&question, &json!([]), Lang::Fr),
            Verdict::Invalid { .. }
        ));
        assert!(matches!(
            check(&question, &json!(["z"]), Lang::Fr),
            Verdict::Invalid { .. }
        ));
        assert!(matches!(
            check(&question, &json!("a"), Lang::Fr),
            Verdict::Invalid { .. }
        ));
        let bad = q("type = \"multiple\"\nanswer = [\"z\"]\nchoices = [{value=\"a\",label=\"A\"},{value=\"b\",label=\"B\"}]");
        assert_eq!(question_problems(&bad).len(), 1);
    }
}
