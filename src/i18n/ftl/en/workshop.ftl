# What the workshop says after an action: records, reflections, imports, charts, solutions, data credits.

workshop-record-not-saved = The record was not saved: correct the fields shown.
workshop-reflection-too-short = Write at least { $min } characters (you wrote { $written }).
workshop-reflection-saved = Reflection saved.
workshop-import-step-done = Table “{ $table }” imported: { $rows } rows, { $columns } columns.
workshop-chart-kind-missing = Choose a kind of chart first.
workshop-solution-between = between { $min } and { $max }
workshop-solution-at-least = at least { $min }
workshop-solution-at-most = at most { $max }
workshop-credit = { $sources ->
        [0] Source
        [1] Source
       *[other] Sources
    }: { $source_list } · { $licences ->
        [0] Licence
        [1] Licence
       *[other] Licences
    }: { $licence_list }
workshop-credit-derived = From "{ $dataset }" · { $credit }
range-between = The value must be between { $min } and { $max }.
range-at-least = The value must be at least { $min }.
range-at-most = The value must be at most { $max }.

# Room setup: the « lisez-moi » written on the USB stick (workshop::room).
workshop-room-readme = DataJam Atelier — the room's USB stick

    This folder sets up the trainees' laptops for the workshop. Nothing goes through the Internet: everything is on this stick.

    1. Install the app: { $installers ->
        [yes] open the folder “installateurs” and run the installer of your system (Windows or Linux).
       *[no] the installers are not on this stick; ask the facilitator for them.
    }
    2. The lessons: { $npacks ->
        [0] the app's own are enough, nothing else to install.
       *[other] open DataJam Atelier, pick your profile, then “Install a pack…” and take each file from the folder “paquets”: { $packs }.
    }
    3. At the end of the session: “Export my progress” writes your progress file; save it on this stick and give it back to the facilitator.
workshop-notebook-title = My notebook
workshop-notebook-file = notebook
workshop-notebook-of = The work of { $name }, lesson by lesson.
workshop-notebook-empty = Nothing yet: your reflections, answers and charts will come here.
workshop-notebook-lesson-done = lesson done
workshop-notebook-lesson-open = lesson in progress
workshop-notebook-reflection = My reflection
workshop-notebook-answers = My answers
workshop-notebook-chart = My chart
workshop-notebook-right = right
workshop-notebook-wrong = to review

workshop-notebook-table = My table, step by step
workshop-notebook-records = My records

workshop-class-chart-title = Success per step — { $lesson }
workshop-class-chart-axis = % of trainees who succeeded
