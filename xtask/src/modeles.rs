//! The facilitator's templates in `sample-data/modeles/`, written from code so they are
//! reproducible: `cargo xtask modeles` writes them; `tests/questions_sheet.rs` includes this
//! file (`#[path]`) to prove the committed workbook is what this code writes and that it
//! builds into a valid pack. It depends on `rust_xlsxwriter` only.
//!
//! `questions-modele.xlsx`: the sheet `questions` (one question per row, French column
//! names, a filled example of every type aimed at the built-in lesson `premiers-pas`, facts
//! from the built-in dataset `provinces_2009`) and the sheet `aide` (each column explained).

#![allow(dead_code)]

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook, XlsxError,
};

/// Where the questions template lives in the repository.
pub const QUESTIONS_TEMPLATE: &str = "sample-data/modeles/questions-modele.xlsx";
/// The dataset the example questions are about (a resource of the built-in pack).
pub const DATASET: &str = "provinces_2009";

/// The columns of the `questions` sheet, in order.
pub const COLUMNS: [&str; 17] = [
    "lecon",
    "id",
    "type",
    "titre",
    "question",
    "choix",
    "reponse",
    "tolerance",
    "min",
    "max",
    "unite",
    "autres_reponses",
    "indices",
    "erreurs",
    "explication",
    "jeu_de_donnees",
    "apres",
];

/// One example question: the cells in the order of [`COLUMNS`]. `{D}` stands for the
/// dataset's name; a cell that is a number is written as a number, the way a spreadsheet
/// stores what a person types.
pub type Row = [&'static str; 17];

/// The filled example: every type, hints, anticipated wrong answers (ranges too), `apres`.
/// Sources: `sample-data/pack/data/provinces_2009.csv` (2009 census, RGPH2, sources A and B,
/// see `sample-data/README.md`) and the lesson `sample-data/pack/lessons/01-premiers-pas.md`.
pub const EXAMPLE: [Row; 8] = [
    [
        "premiers-pas",
        "capitale",
        "texte",
        "La capitale du Tchad",
        "Une des 23 provinces du tableau est une ville : la capitale du pays.\n\n**Comment s'appelle la capitale du Tchad ?**",
        "",
        "N'Djamena",
        "",
        "",
        "",
        "",
        "Ndjamena\nVille de N'Djamena",
        "C'est une province à elle seule : « Ville de … ». | Son code ISO est TD-ND.",
        "Abéché => Abéché est le chef-lieu du Ouaddaï, pas la capitale du pays.\nMoundou => Moundou est le chef-lieu du Logone Occidental, pas la capitale du pays.",
        "**N'Djamena** est la capitale : la Ville de N'Djamena comptait 951 418 habitants en 2009 selon la source A.",
        "{D}",
        "bienvenue",
    ],
    [
        "premiers-pas",
        "sigle-recensement",
        "texte",
        "Le recensement de 2009",
        "Les chiffres du tableau viennent du 2ᵉ recensement général de la population du Tchad, en 2009.\n\n**Quel est le sigle de ce recensement ?**",
        "",
        "RGPH2",
        "",
        "",
        "",
        "",
        "RGPH 2",
        "Il est écrit entre parenthèses dans l'étape « Bienvenue dans l'atelier ».\nQuatre lettres et un chiffre : RGPH…",
        "INSEED => L'INSEED est l'institut de la statistique qui a fait le recensement : on demande le sigle du recensement lui-même.\nRGPH => Presque : c'était le deuxième recensement, ajoutez son numéro.",
        "**RGPH2** : le 2ᵉ Recensement général de la population et de l'habitat, fait en 2009 par l'INSEED. Aucune des deux sources du tableau n'est le tableau officiel de l'INSEED.",
        "",
        "capitale",
    ],
    [
        "premiers-pas",
        "chef-lieu-ouaddai",
        "choix",
        "Le chef-lieu du Ouaddaï",
        "La colonne « chef_lieu » donne la ville principale de chaque province.\n\n**Quel est le chef-lieu du Ouaddaï ?**",
        "Abéché\nAti\nDoba\nMongo",
        "Abéché",
        "",
        "",
        "",
        "",
        "",
        "Cherchez la ligne « Ouaddaï » dans la colonne « province ».\nLisez la colonne « chef_lieu » sur cette ligne.",
        "Ati => Ati est le chef-lieu du Batha.\nMongo => Mongo est le chef-lieu du Guéra.\nDoba => Doba est le chef-lieu du Logone Oriental.",
        "**Abéché** est le chef-lieu du Ouaddaï, qui comptait 721 166 habitants en 2009 selon la source A.",
        "{D}",
        "plus-peuplee",
    ],
    [
        "premiers-pas",
        "province-moins-peuplee",
        "choix",
        "La province la moins peuplée",
        "Selon la **source A**, quelle province comptait le moins d'habitants en 2009 ?",
        "TD-BG = Barh El Gazel\nTD-BO = Borkou\nTD-EO = Ennedi-Ouest\nTD-TI = Tibesti",
        "TD-TI",
        "",
        "",
        "",
        "",
        "",
        "Regardez la colonne « population_2009_a » : vous cherchez la plus petite valeur. | Elle est au nord du pays et compte moins de 30 000 habitants.",
        "TD-EO => L'Ennedi-Ouest compte 60 617 habitants selon la source A : une autre province en a moins.\nBorkou => Le Borkou compte 93 584 habitants selon la source A : une autre province en a moins.",
        "Le **Tibesti** comptait 25 483 habitants selon la source A (21 970 selon la source B) : la province la moins peuplée du Tchad, immense et très peu peuplée.",
        "{D}",
        "plus-peuplee",
    ],
    [
        "premiers-pas",
        "source-b-manquante",
        "choix multiple",
        "Des chiffres manquants",
        "Dans la colonne « population_2009_b », certaines cases sont vides : la source B ne donne pas de chiffre pour ces provinces.\n\n**Lesquelles ?** Cochez toutes les bonnes réponses.",
        "TD-EE = Ennedi-Est\nTD-HL = Hadjer-Lamis\nTD-SI = Sila\nTD-TI = Tibesti",
        "TD-EE | TD-HL",
        "",
        "",
        "",
        "",
        "",
        "Parcourez la colonne « population_2009_b » de haut en bas.\nIl y a deux cases vides.",
        "TD-EE => Il en manque une : cherchez une autre case vide.\nTD-HL => Il en manque une : cherchez une autre case vide.\nTD-EE | TD-HL | TD-SI => Le Sila a bien un chiffre dans la source B (289 776), très différent de la source A, mais sa case n'est pas vide.",
        "La source B ne donne aucun chiffre pour l'**Ennedi-Est** et le **Hadjer-Lamis**. Une case vide n'est pas un zéro : dites-le quand vous présentez un total.",
        "{D}",
        "ecart-sila",
    ],
    [
        "premiers-pas",
        "ndjamena-source-b",
        "nombre",
        "N'Djamena selon la source B",
        "Selon la **source B**, combien d'habitants comptait la Ville de N'Djamena en 2009 ?",
        "",
        "993492",
        "",
        "",
        "",
        "habitants",
        "",
        "Cherchez la ligne « Ville de N'Djamena ».\nLisez la colonne « population_2009_b », pas « population_2009_a ».",
        "951 418 => C'est le chiffre de la source A : la question demande la source B (colonne « population_2009_b »).",
        "**993 492 habitants** selon la source B, contre 951 418 selon la source A : 42 074 habitants d'écart pour la même ville.",
        "{D}",
        "ecart-sila",
    ],
    [
        "premiers-pas",
        "total-millions",
        "nombre",
        "La population du Tchad en 2009",
        "Selon la **source A**, le Tchad comptait 11 039 873 habitants au recensement de 2009 (la somme de la colonne « population_2009_a »).\n\n**Combien de millions d'habitants cela fait-il ?** Arrondissez au dixième, par exemple 7,5.",
        "",
        "11",
        "0.1",
        "",
        "",
        "millions d'habitants",
        "",
        "Un million, c'est 1 000 000. | Divisez 11 039 873 par 1 000 000.",
        "1 000 000..20 000 000 => Vous avez donné un nombre d'habitants : la question demande des millions. Divisez par 1 000 000.\n..1 => C'est trop peu : 11 039 873 habitants, c'est bien plus d'un million.",
        "11 039 873 ÷ 1 000 000 ≈ **11,0 millions** d'habitants. Un chiffre arrondi se lit mieux, mais dites toujours d'où il vient.",
        "",
        "",
    ],
    [
        "premiers-pas",
        "part-ndjamena",
        "nombre",
        "La part de la capitale",
        "La Ville de N'Djamena comptait 951 418 habitants sur 11 039 873 (source A).\n\n**Quel pourcentage de la population du Tchad vivait dans la capitale ?** Une valeur approchée suffit.",
        "",
        "8.6",
        "",
        "8",
        "9.1",
        "%",
        "",
        "Divisez la population de la capitale par celle du pays, puis multipliez par 100.\n951 418 ÷ 11 039 873 ≈ 0,086.",
        "0..1 => C'est une proportion : multipliez-la par 100 pour avoir un pourcentage.\n12 => « Environ un habitant sur douze » ne veut pas dire 12 % : 1 ÷ 12 ≈ 8,3 %.",
        "951 418 ÷ 11 039 873 ≈ 0,086, soit **8,6 %** : environ un habitant sur douze vivait dans la capitale (source A).",
        "",
        "",
    ],
];

/// The sheet `aide`: for each column, whether it is needed, what goes in it, an example.
pub const HELP: [[&str; 4]; 17] = [
    ["lecon", "oui", "L'identifiant de la leçon où la question est ajoutée : le « id » écrit entre les lignes +++ en haut du fichier de la leçon.", "premiers-pas"],
    ["id", "oui", "L'identifiant de l'étape : lettres minuscules sans accents, chiffres et tirets. Il doit être unique dans la leçon. Ne le changez plus une fois le paquet distribué : la progression des stagiaires est gardée par identifiant.", "chef-lieu-ouaddai"],
    ["type", "oui", "choix (une seule bonne réponse), choix multiple (plusieurs cases à cocher), nombre ou texte.", "choix multiple"],
    ["titre", "oui", "Le titre de l'étape, affiché dans la liste des étapes.", "Le chef-lieu du Ouaddaï"],
    ["question", "oui", "Le texte de la question, en Markdown : **gras**, *italique*, listes, une ligne vide entre deux paragraphes. Pas de HTML.", "Quel est le chef-lieu du **Ouaddaï** ?"],
    ["choix", "pour choix et choix multiple", "Les choix proposés, un par ligne ou séparés par « | ». Chaque choix s'écrit « valeur = libellé » (la valeur est enregistrée, le libellé est affiché) ou le libellé seul (sa valeur en est tirée : « Ville de N'Djamena » donne ville-de-n-djamena ; donnez une valeur si le libellé peut changer).", "TD-BO = Borkou | TD-TI = Tibesti"],
    ["reponse", "oui (sauf nombre avec min et max)", "La bonne réponse. choix : la valeur ou le libellé du bon choix ; choix multiple : tous les bons choix, un par ligne ou séparés par « | » ; nombre : écrit comme d'habitude (97 685 ou 12,5) ; texte : le texte attendu (majuscules, accents, tirets et espaces en trop ne comptent pas).", "TD-EE | TD-HL"],
    ["tolerance", "non, pour nombre", "L'écart accepté autour de la réponse : avec 11 et 0,1, toute réponse de 10,9 à 11,1 est juste.", "0,1"],
    ["min", "non, pour nombre", "La plus petite réponse acceptée, à la place d'une tolérance. Avec min et max, la réponse devient facultative (elle est montrée comme solution).", "8"],
    ["max", "non, pour nombre", "La plus grande réponse acceptée.", "9,1"],
    ["unite", "non, pour nombre", "L'unité affichée après la case de réponse.", "habitants"],
    ["autres_reponses", "non, pour texte", "D'autres réponses acceptées comme justes, une par ligne ou séparées par « | ».", "Ndjamena | Ville de N'Djamena"],
    ["indices", "non", "Les indices, du plus doux au plus explicite, un par ligne ou séparés par « | » : le stagiaire les demande un par un.", "Cherchez la ligne « Ouaddaï ». | Lisez la colonne « chef_lieu »."],
    ["erreurs", "non", "Les erreurs prévues et le message affiché pour chacune, une par ligne : « réponse => message ». Pour un nombre, une plage : « 0..1 => message » (une borne peut manquer : « ..1 » ou « 100.. »). Pour choix multiple : « A | B => message ». Une erreur prévue qui serait acceptée comme juste est refusée par « datajam pack check ».", "951 418 => C'est le chiffre de la source A."],
    ["explication", "non", "Le texte affiché quand la réponse est juste (Markdown).", "**Abéché** est le chef-lieu du Ouaddaï."],
    ["jeu_de_donnees", "non", "Un jeu de données du paquet (son « name » dans datapackage.json), affiché en tableau avec la question.", "{D}"],
    ["apres", "non", "L'identifiant de l'étape après laquelle placer la question : une étape de la leçon ou une autre ligne de ce tableau. Vide : à la fin de la leçon. Plusieurs lignes après la même étape gardent l'ordre des lignes.", "plus-peuplee"],
];

/// Notes under the table of the sheet `aide`.
pub const NOTES: [&str; 7] = [
    "Une ligne par question. Les lignes vides sont ignorées ; une colonne au nom inconnu aussi (avec un avertissement).",
    "Plusieurs éléments dans une case : un par ligne (Alt+Entrée dans Excel, Ctrl+Entrée dans LibreOffice) ou séparés par « | ».",
    "Ajoutez le classeur au paquet : copiez-le dans le dossier questions/ et écrivez dans pack.toml : questions = [\"questions/questions-modele.xlsx\"]",
    "Vérifiez : datajam pack check DOSSIER-DU-PAQUET. Chaque problème donne la feuille, la ligne et la colonne à corriger.",
    "Construisez le fichier pour les clés USB : datajam pack build DOSSIER-DU-PAQUET -o paquet.datajam (le classeur y est copié tel quel).",
    "Répétez le paquet avec les bonnes réponses : datajam play DOSSIER-DU-PAQUET --trainee Essai --reference",
    "Sources des exemples : le tableau {D} du paquet intégré (recensement RGPH2 de 2009, sources A et B, voir sample-data/README.md) et la leçon « premiers-pas ».",
];

fn fill(cell: &str, dataset: &str) -> String {
    cell.replace("{D}", dataset)
}

/// The cells of the example, `{D}` replaced by `dataset`.
pub fn example_rows(dataset: &str) -> Vec<Vec<String>> {
    EXAMPLE
        .iter()
        .map(|r| r.iter().map(|c| fill(c, dataset)).collect())
        .collect()
}

/// Columns written as numbers when their cell is one.
fn numeric(col: &str) -> bool {
    matches!(col, "reponse" | "tolerance" | "min" | "max")
}

/// The bytes of the questions template whose examples use the dataset `dataset`:
/// the same bytes each time (fixed creation date).
pub fn questions_template(dataset: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?.and_hms(0, 0, 0)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Modèle de questions DataJam Atelier")
            .set_author("Équipe DataJam Atelier")
            .set_comment("Une question par ligne ; voir la feuille aide et docs/pack-format.md")
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_background_color("#F6D8A8")
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);

    let ws = wb.add_worksheet();
    ws.set_name("questions")?;
    for (c, name) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &header)?;
        let width = match *name {
            "question" | "erreurs" | "explication" => 48.0,
            "choix" | "indices" | "titre" => 30.0,
            "autres_reponses" | "unite" => 20.0,
            "lecon" | "id" | "jeu_de_donnees" | "apres" => 18.0,
            "type" => 14.0,
            _ => 10.0,
        };
        ws.set_column_width(c as u16, width)?;
    }
    ws.set_freeze_panes(1, 2)?;
    for (r, row) in example_rows(dataset).iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<f64>() {
                Ok(n) if numeric(COLUMNS[c]) => {
                    ws.write_number_with_format(r, c as u16, n, &body)?
                }
                _ => ws.write_string_with_format(r, c as u16, cell, &body)?,
            };
        }
    }
    // A list for the type column (a warning only: English names are read too).
    let types = DataValidation::new()
        .allow_list_strings(&["choix", "choix multiple", "nombre", "texte"])?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_input_title("Type de question")?
        .set_input_message("choix, choix multiple, nombre ou texte")?;
    ws.add_data_validation(1, 2, 999, 2, &types)?;

    let help = wb.add_worksheet();
    help.set_name("aide")?;
    for (c, (name, width)) in [
        ("colonne", 18.0),
        ("obligatoire", 22.0),
        ("ce qu'on y écrit", 80.0),
        ("exemple", 36.0),
    ]
    .into_iter()
    .enumerate()
    {
        help.write_string_with_format(0, c as u16, name, &header)?;
        help.set_column_width(c as u16, width)?;
    }
    help.set_freeze_panes(1, 0)?;
    for (r, row) in HELP.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            help.write_string_with_format(r as u32 + 1, c as u16, fill(cell, dataset), &body)?;
        }
    }
    let start = HELP.len() as u32 + 2;
    for (i, note) in NOTES.iter().enumerate() {
        help.write_string(start + i as u32, 0, fill(note, dataset))?;
    }
    wb.save_to_buffer()
}
