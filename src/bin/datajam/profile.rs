//! `datajam profile list|create`: the trainees' profiles on this laptop.

use std::process::ExitCode;

use datajam::Error;

use crate::args::ProfileCommand;
use crate::output::print_list;
use crate::Ctx;

pub fn run(cx: &Ctx, command: ProfileCommand) -> Result<ExitCode, Error> {
    let mut w = cx.workshop()?;
    match command {
        ProfileCommand::List { json } => {
            let profiles = w.profiles()?;
            print_list(&profiles, json, None, |p| format!("{}\t{}", p.name, p.id));
        }
        ProfileCommand::Create { name } => {
            let p = w.create_profile(&name)?;
            println!("{}\t{}", p.name, p.id);
        }
    }
    Ok(ExitCode::SUCCESS)
}
