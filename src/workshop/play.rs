//! The `play` driver: lines of an answers file ([`parse_action`]), the reference walk of a
//! pack ([`reference_actions`]), and one action run through the workshop ([`play`]), its
//! event committed when it returns. `datajam play` rehearses a pack with it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::i18n::Lang;
use crate::progress::ProgressError;
use crate::tr;
use crate::workshop::StepAt;

/// One line of a `play` answers file.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Answer {
        lesson: String,
        step: String,
        answer: serde_json::Value,
    },
    Hint {
        lesson: String,
        step: String,
    },
    Record {
        lesson: String,
        step: String,
        values: BTreeMap<String, String>,
    },
    Complete {
        lesson: String,
        step: String,
    },
    Reflect {
        lesson: String,
        step: String,
        text: String,
    },
    /// A pipeline for a data task: `{"lesson", "step", "pipeline": {"steps": [...]}}`.
    Pipeline {
        lesson: String,
        step: String,
        pipeline: serde_json::Value,
    },
    /// A chart request for a chart task: `{"lesson", "step", "chart": {"kind", "x", ...}}`.
    Chart {
        lesson: String,
        step: String,
        chart: serde_json::Value,
    },
    /// An import step's file imported into its table: `{"lesson", "step", "import": true}`.
    Import {
        lesson: String,
        step: String,
    },
}

impl Action {
    /// The lesson and step the action is on.
    fn at(&self) -> (&str, &str) {
        match self {
            Action::Answer { lesson, step, .. }
            | Action::Hint { lesson, step }
            | Action::Record { lesson, step, .. }
            | Action::Complete { lesson, step }
            | Action::Reflect { lesson, step, .. }
            | Action::Pipeline { lesson, step, .. }
            | Action::Chart { lesson, step, .. }
            | Action::Import { lesson, step } => (lesson, step),
        }
    }

    pub fn lesson(&self) -> &str {
        self.at().0
    }

    pub fn step(&self) -> &str {
        self.at().1
    }
}

/// Parses one line of an answers file (`line` is 1-based, for the message, written in
/// `lang`).
pub fn parse_action(text: &str, line: usize, lang: Lang) -> Result<Action, ProgressError> {
    let bad = |reason: String| ProgressError::AnswersLine { line, reason };
    let one_key = || bad(tr!(lang, "progress-answers-one-key"));
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(tr!(
            lang,
            "progress-answers-invalid-json",
            reason = e.to_string()
        ))
    })?;
    let obj = v
        .as_object()
        .ok_or_else(|| bad(tr!(lang, "progress-answers-not-object")))?;
    let field = |k: &str| -> Result<String, ProgressError> {
        obj.get(k)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| bad(tr!(lang, "progress-answers-field-missing", key = k)))
    };
    let lesson = field("lesson")?;
    let step = field("step")?;
    let keys: BTreeSet<&str> = obj
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "lesson" && *k != "step")
        .collect();
    if keys.len() != 1 {
        return Err(one_key());
    }
    if let Some(answer) = obj.get("answer") {
        return Ok(Action::Answer {
            lesson,
            step,
            answer: answer.clone(),
        });
    }
    if let Some(pipeline) = obj.get("pipeline") {
        return Ok(Action::Pipeline {
            lesson,
            step,
            pipeline: pipeline.clone(),
        });
    }
    if let Some(chart) = obj.get("chart") {
        return Ok(Action::Chart {
            lesson,
            step,
            chart: chart.clone(),
        });
    }
    if obj.get("hint") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Hint { lesson, step });
    }
    if obj.get("complete") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Complete { lesson, step });
    }
    if obj.get("import") == Some(&serde_json::Value::Bool(true)) {
        return Ok(Action::Import { lesson, step });
    }
    if let Some(serde_json::Value::String(text)) = obj.get("reflection") {
        return Ok(Action::Reflect {
            lesson,
            step,
            text: text.clone(),
        });
    }
    if let Some(rec) = obj.get("record") {
        let not_text = |k: &str| bad(tr!(lang, "progress-answers-record-not-text", field = k));
        let rec = rec.as_object().ok_or_else(|| not_text(""))?;
        let mut values = BTreeMap::new();
        for (k, v) in rec {
            let text = match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return Err(not_text(k)),
            };
            values.insert(k.clone(), text);
        }
        return Ok(Action::Record {
            lesson,
            step,
            values,
        });
    }
    Err(one_key())
}

/// The reference walk of a pack: every lesson in order, each question answered with its
/// reference answer, one valid record per collect step, read and chart steps completed,
/// import steps imported.
pub fn reference_actions(pack: &crate::pack::Pack) -> Vec<Action> {
    use crate::lesson::form::FieldType;
    use crate::pack::Exercise;
    let mut out = Vec::new();
    for l in &pack.lessons {
        for s in &l.steps {
            let (lesson, step) = (l.id.clone(), s.id.clone());
            out.push(match &s.exercise {
                Exercise::Read | Exercise::Chart(_) => Action::Complete { lesson, step },
                Exercise::Reflection(r) => Action::Reflect {
                    lesson,
                    step,
                    text: format!(
                        "Réflexion d'exemple pour répéter le paquet.{}",
                        " …".repeat(r.min_length.min(2000) / 2)
                    ),
                },
                Exercise::Question(q) => Action::Answer {
                    lesson,
                    step,
                    // A range question may have no reference answer: any accepted number.
                    answer: match (&q.answer, q.min, q.max) {
                        (serde_json::Value::Null, Some(a), _) => serde_json::json!(a),
                        (serde_json::Value::Null, None, Some(b)) => serde_json::json!(b),
                        (a, _, _) => a.clone(),
                    },
                },
                Exercise::Data(t) => Action::Pipeline {
                    lesson,
                    step,
                    pipeline: serde_json::to_value(&t.reference).unwrap_or_default(),
                },
                Exercise::ChartTask(t) => Action::Chart {
                    lesson,
                    step,
                    chart: serde_json::to_value(&t.reference).unwrap_or_default(),
                },
                Exercise::Import(_) => Action::Import { lesson, step },
                Exercise::Collect(c) => {
                    let values = c
                        .form
                        .fields
                        .iter()
                        .map(|f| {
                            let v = match f.field_type {
                                FieldType::Choice | FieldType::Multiple | FieldType::Province => f
                                    .choices
                                    .first()
                                    .map(|c| c.value.clone())
                                    .unwrap_or_else(|| "TD-ND".into()),
                                FieldType::Integer => format!(
                                    "{}",
                                    f.min
                                        .as_ref()
                                        .and_then(crate::lesson::form::Limit::as_number)
                                        .map(|m| m.ceil() as i64)
                                        .unwrap_or(1)
                                ),
                                FieldType::Decimal => format!(
                                    "{}",
                                    f.min
                                        .as_ref()
                                        .and_then(crate::lesson::form::Limit::as_number)
                                        .unwrap_or(1.0)
                                ),
                                FieldType::Date => f
                                    .min
                                    .as_ref()
                                    .and_then(crate::lesson::form::Limit::as_date)
                                    .unwrap_or_else(|| chrono::Local::now().date_naive())
                                    .format("%Y-%m-%d")
                                    .to_string(),
                                FieldType::Location => "12.11 15.05".into(),
                                FieldType::Text => "Exemple".into(),
                            };
                            (f.name.clone(), v)
                        })
                        .collect();
                    Action::Record {
                        lesson,
                        step,
                        values,
                    }
                }
            });
        }
    }
    out
}

/// What one `play` action did: printed as one JSON line when an event was committed.
#[derive(Debug, Clone, Serialize)]
pub struct Played {
    /// The committed event's id; `None` when nothing was saved.
    pub event: Option<String>,
    pub kind: &'static str,
    pub lesson: String,
    pub step: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Runs one action through the workshop; when it returns, any event is committed.
pub fn play(
    w: &mut crate::Workshop,
    profile_id: &str,
    pack_id: &str,
    action: &Action,
) -> crate::Result<Played> {
    let (lesson, step) = action.at();
    let at = StepAt::new(profile_id, pack_id, lesson, step);
    let played = |event, kind, correct, message| Played {
        event,
        kind,
        lesson: lesson.to_string(),
        step: step.to_string(),
        correct,
        message,
    };
    // An answer, a pipeline or a chart: counted right or wrong once saved.
    let attempt = |event, saved: bool, verdict: &str, message| {
        played(
            event,
            "attempt",
            saved.then_some(verdict == "correct"),
            Some(message),
        )
    };
    Ok(match action {
        Action::Answer { answer, .. } => {
            let o = w.answer(&at, answer)?;
            attempt(o.event_id, o.saved, o.verdict, o.message)
        }
        Action::Hint { .. } => {
            let o = w.hint(&at)?;
            played(o.event_id, "hint", None, Some(o.text))
        }
        Action::Record { values, .. } => {
            let o = w.submit_record(&at, values)?;
            let mut message = o.message;
            for e in &o.errors {
                message.push_str(&format!(" {} : {}", e.field, e.message));
            }
            played(o.event_id, "record", None, Some(message))
        }
        Action::Complete { .. } => {
            let (id, _) = w.complete_with_event(&at)?;
            played(id, "complete", None, None)
        }
        Action::Reflect { text, .. } => {
            let o = w.reflect(&at, text)?;
            played(o.event_id, "reflection", None, Some(o.message))
        }
        Action::Pipeline { pipeline, .. } => {
            let o = w.submit_pipeline(&at, pipeline)?;
            attempt(o.event_id, o.saved, o.verdict, o.message)
        }
        Action::Chart { chart, .. } => {
            let o = w.submit_chart(&at, chart)?;
            attempt(o.event_id, o.saved, o.verdict, o.message)
        }
        Action::Import { .. } => {
            let o = w.import_step(&at)?;
            played(o.event_id, "import", None, Some(o.message))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_action_lines() {
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","answer":3}"#, 1, Lang::Fr),
            Ok(Action::Answer { .. })
        ));
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","hint":true}"#, 1, Lang::Fr),
            Ok(Action::Hint { .. })
        ));
        assert!(matches!(
            parse_action(r#"{"lesson":"l","step":"s","complete":true}"#, 1, Lang::En),
            Ok(Action::Complete { .. })
        ));
        assert!(matches!(
            parse_action(
                r#"{"lesson":"l","step":"s","record":{"a":"x","n":2}}"#,
                1,
                Lang::Fr
            ),
            Ok(Action::Record { .. })
        ));
        for bad in [
            "nope",
            "[]",
            r#"{"step":"s","answer":1}"#,
            r#"{"lesson":"l","step":"s"}"#,
            r#"{"lesson":"l","step":"s","hint":false}"#,
            r#"{"lesson":"l","step":"s","answer":1,"hint":true}"#,
        ] {
            match parse_action(bad, 7, Lang::En) {
                Err(ProgressError::AnswersLine { line: 7, .. }) => {}
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
