//! What a trainee does in a lesson, and how it is judged. The lesson model ([`model`]):
//! lessons, steps and their exercises; answers to questions
//! ([`exercise`]), records entered in collect forms ([`form`]), tables built in data tasks
//! and charts drawn in chart tasks ([`datatask`], checked on their result by [`task`]),
//! and practice files imported by import steps ([`importstep`]).

pub mod datatask;
pub mod exercise;
pub mod form;
pub mod importstep;
pub mod model;
pub mod task;
