# الدروس (src/lesson/): مهام البيانات والرسوم البيانية، خطوات الاستيراد، الاستمارات.
# A first translation into Modern Standard Arabic, to be reviewed by an Arabic-speaking
# facilitator in Chad. The French file (../fr/lesson.ftl) is the reference.

## Errors of data and chart tasks.
lesson-task-dataset-missing = الجدول « { $table } » الخاص بهذه الخطوة غير موجود بعد: أنجز (أو تخطَّ) أولًا الخطوة التي تنشئه.
lesson-task-reference-failed = الحل المرجعي للخطوة « { $step } » لا يعمل ({ $detail }). أبلغ مؤلف الحزمة بذلك.

## Errors of import steps.
lesson-import-step-table-taken = يوجد جدول « { $table } » من قبل ولم يأتِ من هذه الخطوة: لا يُستبدل. ستستخدم الخطوات التالية هذا الجدول؛ ولاستيراد ملف الخطوة، أعطِ الجدول الآخر اسمًا آخر.
lesson-import-step-file-missing = الملف « { $file } » الخاص بهذه الخطوة غير موجود في الحزمة. أبلغ مؤلف الحزمة بذلك.

## Why a result table is not the expected one ($n: the rows of the trainee's table, for the plural).
lesson-mismatch-row-count = في جدولك { $got } { $n ->
    [zero] صف
    [one] صف واحد
    [two] صفّان
    [few] صفوف
    [many] صفًّا
   *[other] صف
}؛ وفي الجدول المنتظر { $expected }. تحقّق من عوامل التصفية والتجميع.
lesson-mismatch-missing-column = ينقص عمود: العمود الذي يسمّيه الجدول المنتظر « { $column } ». تحقّق من حساباتك (مجموع، متوسط، نسبة…) ومن العمود الذي تنطبق عليه.
lesson-mismatch-values = قيم « { $column } » لا تطابق الجدول المنتظر صفًّا بصف. تحقّق من الأعمدة المختارة للتجميع.
lesson-mismatch-order = الصفوف صحيحة، لكنها ليست بالترتيب المطلوب: هل رتّبتها، وفي الاتجاه الصحيح؟

## Why a chart is not the one asked for.
lesson-chart-mismatch-kind = هذا النوع من الرسوم البيانية لا يجيب جيدًا عن السؤال: أعد قراءته (مقارنة، تطور، توزيع، خريطة؟) وجرّب نوعًا آخر.
lesson-chart-mismatch-x = الرسم البياني لا يستخدم الفئات الصحيحة: أي عمود يجب أن يُقرأ على المحور (أو على الخريطة)؟
lesson-chart-mismatch-y = الرسم البياني لا يعرض المقياس الصحيح: أي عمود يحتوي على القيم المراد مقارنتها؟
lesson-chart-mismatch-agg = الرسم البياني صحيح، لكن الحساب ليس كذلك: هل يجب الجمع أم حساب المتوسط أم العدّ؟
lesson-chart-mismatch-group = المجموعات (الألوان) ليست المنتظرة: أي عمود يجب أن يفصل بين الأعمدة أو المنحنيات؟
lesson-chart-mismatch-sort = الرسم البياني صحيح، لكن الأعمدة غير مرتّبة: اختر « ترتيب الأعمدة » ليُقرأ الترتيب بنظرة واحدة.
lesson-chart-mismatch-weight = المنحنى غير مرجَّح كما يجب: أي عمود يبيّن عدد الأشخاص الذين يمثّلهم كل صف؟

## A solution's pipeline as a trainee reads it, one line per step.
lesson-cmp-contains = يحتوي على
lesson-cmp-in = ضمن
lesson-cmp-is-missing = فارغ
lesson-cmp-not-missing = غير فارغ
lesson-agg-count = عدد الصفوف
lesson-agg-sum = المجموع
lesson-agg-mean = المتوسط
lesson-agg-median = الوسيط
lesson-agg-min = الحد الأدنى
lesson-agg-max = الحد الأقصى
lesson-agg-share = النسبة (%)
lesson-derive-percentage = كنسبة مئوية من
lesson-derive-per-1000 = لكل 1 000
lesson-derive-round = مقرّبًا إلى (منازل عشرية)
lesson-derive-year = سنة
lesson-pipeline-and = و
lesson-pipeline-or = أو
lesson-pipeline-filter = تصفية: الاحتفاظ بالصفوف حيث { $conditions }
lesson-pipeline-derive = حساب العمود { $name } = { $expression }
lesson-pipeline-aggregate-of = { $agg } لـ { $column }
lesson-pipeline-summarise = تلخيص الجدول كله: { $aggregates }
lesson-pipeline-group = التجميع حسب { $by }: { $aggregates }
lesson-pipeline-sort-desc = { $column }، من الأكبر إلى الأصغر
lesson-pipeline-sort-asc = { $column }، من الأصغر إلى الأكبر
lesson-pipeline-then = ثم
lesson-pipeline-sort = الترتيب حسب { $keys }
lesson-pipeline-limit = الاحتفاظ بأول { $rows } صف (صفوف)
lesson-pipeline-pivot = تدوير: صف واحد لكل { $index }، وعمود واحد لكل قيمة من { $columns }، { $agg } لـ { $values }
lesson-pipeline-join-left = مع الاحتفاظ بكل الصفوف
lesson-pipeline-join-inner = مع الاحتفاظ بالصفوف المتطابقة فقط
lesson-pipeline-join = ربط الجدول { $table } ({ $left } = { $right })، { $rows }

## A chart as a trainee reads it ($kind and $agg: the chart request's codes).
lesson-chart-kind = { $kind ->
    [bar] أعمدة رأسية
    [hbar] أعمدة أفقية
    [grouped] أعمدة مجمّعة
    [stacked] أعمدة مكدّسة
    [line] منحنى
    [scatter] سحابة نقاط
    [histogram] مدرّج تكراري
    [lorenz] منحنى لورنز
    [map] خريطة
   *[other] { $kind }
}
lesson-chart-categories = الفئات: { $x }
lesson-chart-values-count = القيم: عدد الصفوف
lesson-chart-values = القيم: { $agg ->
    [sum] مجموع
    [mean] متوسط
    [median] وسيط
   *[other] { $agg }
} { $y }
lesson-chart-groups = المجموعات: { $group }
lesson-chart-weighted = مرجَّح بـ { $weight }
lesson-chart-sorted = أعمدة مرتّبة

## A form's date outside its range.
lesson-form-date-between = يجب أن يكون التاريخ بين { $min } و{ $max }.
lesson-form-date-after = يجب أن يكون التاريخ { $min } أو بعده.
lesson-form-date-before = يجب أن يكون التاريخ { $max } أو قبله.
