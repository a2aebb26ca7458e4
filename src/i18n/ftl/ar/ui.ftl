### واجهة التطبيق باللغة العربية (ui/js/).
### A first translation into Modern Standard Arabic, to be reviewed by an Arabic-speaking
### facilitator in Chad before it is used in a room. The French file (../fr/ui.ftl) is the
### reference: every key and every placeable of it is here; a key missing here shows in
### French. Numbers are written as in French (1 234,5), the convention in Chad. Plurals
### follow Arabic's categories (zero, one, two, few, many, other).

ui-who-title = من يعمل على هذا الحاسوب؟
ui-who-intro = اختر ملفك الشخصي لتستأنف من حيث توقفت، أو أنشئ ملفًا جديدًا. يحتفظ كل ملف شخصي بإجاباته الخاصة.
ui-no-profile = لا يوجد أي ملف شخصي حتى الآن: أنشئ ملفك أدناه.
ui-new-profile = ملف شخصي جديد
ui-your-name = اسمك الأول أو اسم مستعار
ui-create = إنشاء ملفي الشخصي
ui-resume-at = استئناف
ui-start = ابدأ
ui-change-profile = تغيير الملف الشخصي
ui-packs-title = حزم الدروس
ui-builtin = مدمجة
ui-install-title = إضافة حزمة دروس
ui-install-intro = هل أعطاك المدرّب ملفًا بامتداد ‎.datajam (على مفتاح USB مثلًا)؟ ثبّته هنا؛ يُفحص كاملًا قبل تثبيته.
ui-install-button = تثبيت حزمة…
ui-install-running = جارٍ فحص الحزمة…
ui-install-done = ثُبّتت الحزمة « { $id } » { $version }.
ui-install-already = الحزمة « { $id } » { $version } مثبّتة من قبل.
ui-install-orphaned = { $count } خطوة (خطوات) من الإصدار القديم لم تعد موجودة: الإجابات المقدَّمة محفوظة لكنها لم تعد تُعرض.
ui-pack-warnings = { $count } حزمة (حزم) مثبّتة تم تجاهلها
ui-steps-done = { $n ->
    [one] أُنجز { $done } من أصل خطوة واحدة
    [two] أُنجز { $done } من أصل خطوتين
    [few] أُنجز { $done } من أصل { $total } خطوات
    [many] أُنجز { $done } من أصل { $total } خطوةً
   *[other] أُنجز { $done } من أصل { $total } خطوة
}
ui-import-title = بياناتك
ui-import-intro = استورد جدولًا (Excel أو LibreOffice) أو ملف CSV لتستكشفه.
ui-import-button = استيراد ملف…
ui-import-done = تم استيراد الجدول « { $table } »: { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}، { $ncolumns ->
    [one] عمود واحد
    [two] عمودان
    [few] { $columns } أعمدة
    [many] { $columns } عمودًا
   *[other] { $columns } عمود
}.
ui-step-of = الخطوة { $index } من { $total }
ui-prev = → السابق
ui-next = التالي ←
ui-finish = إنهاء الدرس
ui-mark-read = قرأت، متابعة ←
ui-seen-chart = شاهدت الرسم البياني، متابعة ←
ui-answer = تأكيد إجابتي
ui-your-answer = إجابتك
ui-hint = طلب تلميح
ui-hint-n = التلميح { $index }/{ $total }
ui-no-hint = لا يوجد تلميح لهذا السؤال.
ui-attempts = { $n ->
    [zero] { $count } محاولة
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $count } محاولات
    [many] { $count } محاولةً
   *[other] { $count } محاولة
}
ui-save-record = حفظ
ui-records-title = تسجيلاتك ({ $count })
ui-no-records = لا توجد تسجيلات حتى الآن.
ui-required = إلزامي
ui-choose = — اختر —
ui-status-done = منجزة
ui-status-started = بدأت
ui-status-todo = لم تبدأ
ui-lesson-status-done = منتهٍ
ui-lesson-status-in-progress = جارٍ
ui-lesson-required = { $n ->
    [zero] تكفي { $required } خطوة من { $total }
    [one] تكفي خطوة واحدة ({ $required }) من { $total }
    [two] تكفي خطوتان ({ $required }) من { $total }
    [few] تكفي { $required } خطوات من { $total }
    [many] تكفي { $required } خطوةً من { $total }
   *[other] تكفي { $required } خطوة من { $total }
}
ui-latitude = خط العرض
ui-longitude = خط الطول
ui-kind-read = قراءة
ui-kind-question = سؤال
ui-kind-collect = جمع بيانات
ui-kind-chart = رسم بياني
ui-data-table = الجدول « { $name } » ({ $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
})
ui-data-table-filter = ابحث في الجدول
ui-data-table-shown = تظهر أول { $shown } صفوف من { $total }: اكتب كلمة (بلدًا أو سنة…) للعثور على البقية.
ui-data-table-none = لا يوجد صف يحتوي على « { $text } ».
ui-home = الرئيسية
ui-crumbs = مسار التنقل
ui-steps = الخطوات
ui-program = في البرنامج
ui-kind-reflection = تأمّل
ui-your-reflection = تأمّلك
ui-save-reflection = حفظ تأمّلي
ui-chars = { $n ->
    [zero] { $count } حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $count } أحرف
    [many] { $count } حرفًا
   *[other] { $count } حرف
}
ui-chars-min = { $n ->
    [zero] { $count } حرف
    [one] حرف واحد
    [two] حرفان
    [few] { $count } أحرف
    [many] { $count } حرفًا
   *[other] { $count } حرف
} (على الأقل { $min })
ui-reveal = عرض الحل
ui-reveal-confirm = هل تريد عرض الحل الآن؟ يمكنك أن تجيب بعد ذلك أيضًا.
ui-reveal-yes = نعم، اعرض الحل
ui-reveal-no = لا، ما زلت أبحث
ui-solution = الحل:
ui-skip = تخطّي هذه الخطوة
ui-status-skipped = متخطّاة
ui-data-title = بياناتك
ui-yes = نعم
ui-no = لا
ui-open-data = فتح بياناتي
ui-fmt-text = ملف نصي (CSV)
ui-fmt-workbook = مصنف { $format }
ui-encoding = الترميز { $encoding }
ui-delimiter = الفاصل « { $delimiter } »
ui-tab = جدولة (Tab)
ui-sheet-name = الورقة « { $sheet } »
ui-header-at = العناوين في السطر { $row }
ui-no-header = لا يوجد سطر عناوين
ui-hxl-at = وسوم HXL في السطر { $row }
ui-hxl-tags = وسوم HXL (وصف الأعمدة)
ui-sheet = الورقة
ui-header-row = سطر العناوين
ui-refresh = تحديث المعاينة
ui-table-name = اسم الجدول
ui-table-name-auto = تلقائي
ui-preview-of = معاينة « { $file } »
ui-import-confirm = استيراد
ui-cancel = إلغاء
ui-importing = جارٍ الاستيراد…
ui-progress-reading = قراءة… { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}
ui-progress-inferring = تحليل الأعمدة… { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}
ui-progress-writing = حفظ… { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}
ui-warnings = { $n ->
    [zero] { $count } ملاحظة على البيانات
    [one] ملاحظة واحدة على البيانات
    [two] ملاحظتان على البيانات
    [few] { $count } ملاحظات على البيانات
    [many] { $count } ملاحظةً على البيانات
   *[other] { $count } ملاحظة على البيانات
}
ui-type-integer = عدد صحيح
ui-type-number = عدد عشري
ui-type-boolean = نعم / لا
ui-type-date = تاريخ
ui-type-datetime = تاريخ ووقت
ui-type-text = نص
ui-no-tables = لم يُستورد أي جدول حتى الآن.
ui-table = الجدول
ui-source = الملف الأصلي
ui-rows = الصفوف
ui-columns = الأعمدة
ui-view = عرض
ui-csv-fr = CSV (Excel الفرنسي)
ui-csv-fr-help = الفاصل فاصلة منقوطة والفاصلة العشرية فاصلة
ui-export-done = { $nrows ->
    [one] صُدّر صف واحد
    [two] صُدّر صفّان
    [few] صُدّرت { $rows } صفوف
    [many] صُدّر { $rows } صفًّا
   *[other] صُدّر { $rows } صف
} إلى { $path }
ui-an-title = تحليل
ui-an-table-summary = { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}، { $ncolumns ->
    [one] عمود واحد
    [two] عمودان
    [few] { $columns } أعمدة
    [many] { $columns } عمودًا
   *[other] { $columns } عمود
} — المصدر: { $source }
ui-an-tab-grid = الجدول
ui-an-tab-pipeline = تحويل
ui-an-tab-chart = رسم بياني
ui-an-tab-indicator = مؤشرات
ui-an-tab-sql = SQL
ui-an-grid-intro = انقر على عنوان عمود للترتيب (مرة ثانية: ترتيب تنازلي). الخانات الفارغة تأتي دائمًا في النهاية.
ui-an-rows-of = الصفوف من { $first } إلى { $last } من أصل { $total } ({ $ms } ms)
ui-an-no-rows = لا توجد صفوف.
ui-an-sort-by = الترتيب حسب « { $column } »
ui-an-prev-page = → الصفحة السابقة
ui-an-next-page = الصفحة التالية ←
ui-an-pipeline-intro = ابنِ جدولك خطوة بخطوة: تصفية الصفوف، حساب عمود، التجميع، الترتيب، الاحتفاظ بالصفوف الأولى، إنشاء جدول عريض، ربط جدول آخر. لا يتغير شيء في الجدول الأصلي.
ui-an-add-step = إضافة:
ui-an-op-filter = تصفية
ui-an-op-derive = حساب
ui-an-op-group = تجميع
ui-an-op-sort = ترتيب
ui-an-op-limit = الاحتفاظ
ui-an-op-pivot = جدول عريض
ui-an-op-join = ربط
ui-an-op-help-filter = الاحتفاظ بالصفوف التي تستوفي شروطًا
ui-an-op-help-derive = حساب عمود جديد
ui-an-op-help-group = صف واحد لكل مجموعة، مع المجاميع والمتوسطات…
ui-an-op-help-sort = ترتيب الصفوف
ui-an-op-help-limit = الاحتفاظ بالصفوف الأولى
ui-an-op-help-pivot = تحويل قيم عمود إلى أعمدة (مثلًا البنات والبنين جنبًا إلى جنب)
ui-an-op-help-join = إضافة أعمدة جدول آخر، حيث يتطابق عمود مفتاح
ui-an-remove-step = حذف هذه الخطوة
ui-an-gone = { $column } (غير موجود في هذه الخطوة)
ui-an-column = العمود
ui-an-comparison = المقارنة
ui-an-where = حيث
ui-an-and = و
ui-an-or = أو
ui-an-match = الاحتفاظ بالصفوف التي تستوفي
ui-an-match-all = كل الشروط (و)
ui-an-match-any = شرطًا واحدًا على الأقل (أو)
ui-an-add-condition = + شرط
ui-an-remove-condition = حذف الشرط { $index }
ui-an-operand-a = a: عمود أو عدد
ui-an-operand-b = b: عمود أو عدد
ui-an-constant-value = عدد
ui-an-calculation = الحساب
ui-an-decimals = منازل عشرية
ui-an-group-by = حسب
ui-an-all-rows = الصفوف
ui-an-result-name = اسم عمود النتيجة
ui-an-auto-name = اسم تلقائي
ui-an-remove-agg = حذف الحساب { $index }
ui-an-sort-by-word = حسب
ui-an-then-by = ثم حسب
ui-an-add-sort-key = + ثم حسب عمود آخر
ui-an-remove-key = حذف عمود الترتيب { $index }
ui-an-rows-count = عدد الصفوف
ui-an-pivot-intro = تصبح قيم عمود أعمدةً
ui-an-pivot-index = صف واحد لكل
ui-an-pivot-columns = عمود واحد لكل قيمة من
ui-an-pivot-agg = يحتوي على
ui-an-pivot-values = من العمود
ui-an-join-table = الجدول
ui-an-join-left = حيث العمود (هذا الجدول)
ui-an-join-right = يطابق (الجدول الآخر)
ui-an-join-how = الصفوف
ui-an-join-how-left = الاحتفاظ بكل الصفوف
ui-an-join-how-inner = الصفوف المتطابقة فقط
ui-an-new-columns = الأعمدة المضافة: { $columns }
ui-an-no-new-columns = لم يُضف أي عمود.
ui-an-run = تنفيذ
ui-an-result-rows = { $rows } صف (صفوف) في النتيجة.
ui-an-show-sql = عرض استعلام SQL
ui-an-new-table-name = اسم الجدول الجديد
ui-an-save-table = حفظ كجدول جديد
ui-an-saved = حُفظ الجدول « { $name } » ({ $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}).
ui-an-cmp-eq = يساوي
ui-an-cmp-ne = يختلف عن
ui-an-cmp-lt = أصغر من
ui-an-cmp-le = أصغر من أو يساوي
ui-an-cmp-gt = أكبر من
ui-an-cmp-ge = أكبر من أو يساوي
ui-an-cmp-contains = يحتوي على
ui-an-cmp-in = ضمن القائمة
ui-an-cmp-is-missing = فارغ
ui-an-cmp-not-missing = غير فارغ
ui-an-in-placeholder = قيم تفصل بينها ;
ui-an-value = قيمة
ui-an-new-column = عمود جديد
ui-an-constant = (عدد)
ui-an-fn-add = a + b
ui-an-fn-sub = a − b
ui-an-fn-mul = a × b
ui-an-fn-div = a ÷ b
ui-an-fn-percentage = a كنسبة مئوية من b
ui-an-fn-per-1000 = a لكل 1 000 من b
ui-an-fn-round = تقريب a
ui-an-fn-year = سنة a
ui-an-agg-count = عدد الصفوف
ui-an-agg-sum = المجموع
ui-an-agg-mean = المتوسط
ui-an-agg-median = الوسيط
ui-an-agg-min = الحد الأدنى
ui-an-agg-max = الحد الأقصى
ui-an-agg-share = النسبة من المجموع (%)
ui-an-agg-count-of = عدد
ui-an-agg-count-values = عدد القيم
ui-an-add-agg = + حساب آخر
ui-an-desc = من الأكبر إلى الأصغر
ui-an-rows-word = الصفوف الأولى
ui-an-kind-bar = أعمدة رأسية
ui-an-kind-hbar = أعمدة أفقية
ui-an-kind-grouped = أعمدة مجمّعة
ui-an-kind-stacked = أعمدة مكدّسة
ui-an-kind-line = منحنى
ui-an-kind-scatter = سحابة نقاط
ui-an-kind-histogram = مدرّج تكراري
ui-an-kind-lorenz = منحنى لورنز
ui-an-kind-map = خريطة الولايات
ui-an-q-compare = مقارنة مجموعات
ui-an-q-trend = رؤية تطور
ui-an-q-relationship = رؤية علاقة بين مقياسين
ui-an-q-distribution = رؤية توزيع
ui-an-q-geography = رؤية المكان
ui-an-q-inequality = قياس عدم المساواة
ui-an-question = سؤالك
ui-an-kind = نوع الرسم البياني
ui-an-x = الفئات / المحور الأفقي
ui-an-y = القيمة
ui-an-agg = الحساب
ui-an-group = المجموعات
ui-an-none = (لا شيء)
ui-an-chart-title = العنوان
ui-an-chart-source = المصدر
ui-an-sort-bars = ترتيب الأعمدة
ui-an-chart-weight = الترجيح
ui-an-draw = رسم
ui-an-export = حفظ الرسم البياني:
ui-an-chart-saved = حُفظ الرسم البياني: { $path }
ui-an-ind-gini = مؤشر جيني
ui-an-ind-lorenz = منحنى لورنز (نقاط)
ui-an-ind-palma = نسبة بالما
ui-an-ind-s80s20 = نسبة أعلى 20 % إلى أدنى 20 %
ui-an-ind-cv = معامل الاختلاف
ui-an-ind-max-min = نسبة الحد الأقصى إلى الحد الأدنى
ui-an-ind-share = النسبة من المجموع
ui-an-ind-rate = المعدل لكل 1 000
ui-an-ind-parity = مؤشر التكافؤ
ui-an-ind-gpi = مؤشر التكافؤ المعدَّل (اليونسكو)
ui-an-ind-gap = الفارق بالنقاط المئوية
ui-an-indicator-intro = رقم واحد يلخّص عدم المساواة. اختر المؤشر وعمود القيم؛ وللتكافؤ، المجموعة المحرومة (البسط) ومجموعة المقارنة.
ui-an-indicator = المؤشر
ui-an-value-col = القيم
ui-an-weight = الوزن (السكان)
ui-an-num = البسط (مثلًا البنات)
ui-an-den = المقام (مثلًا البنون)
ui-an-num-placeholder = قيمة المجموعة
ui-an-den-placeholder = قيمة المجموعة
ui-an-compute = حساب
ui-an-skipped = تُرك جانبًا { $rows } صف (صفوف) بلا قيمة عددية.
ui-an-lorenz-title = منحنى لورنز: { $column }
ui-an-prov-title = أسماء الولايات
ui-an-prov-intro = تكتب الملفات أسماء الولايات بطرق شتى (« N’Djaména »، « Ville de Ndjamena »…). أضف إلى هذا الجدول عمود iso_3166_2 فيه الرمز الرسمي لكل ولاية، لربط الجداول أو رسم الخريطة.
ui-an-prov-column = عمود الولايات
ui-an-prov-button = إضافة رمز ISO
ui-an-prov-matched = تم التعرف على { $rows } صف (صفوف).
ui-an-prov-unmatched = { $count } قيمة (قيم) لم يُتعرّف عليها: صحّحها في الملف أو أبلغ المدرّب بها.
ui-an-prov-value = « { $value } » ({ $rows } صف (صفوف))
ui-an-sql-intro = للتعمق أكثر: اكتب استعلام SELECT. وحدة التحكم للقراءة فقط: لا يمكنها تعديل أي شيء.
ui-kind-data = جدول للبناء
ui-kind-chart-task = رسم بياني للإنشاء
ui-kind-import = ملف للاستيراد
ui-import-step-file = الملف « { $file } » ({ $size })، مرفق بالدرس؛ سيصبح الجدول « { $table } ».
ui-import-step-button = استيراد هذا الجدول
ui-import-step-again = الاستيراد مرة أخرى
ui-import-step-copy = حفظ نسخة من الملف…
ui-import-copy-saved = حُفظت النسخة: { $path }. يمكنك أيضًا استيرادها من « بياناتك ».
ui-import-step-done = الجدول « { $name } » جاهز: { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}، { $ncolumns ->
    [one] عمود واحد
    [two] عمودان
    [few] { $columns } أعمدة
    [many] { $columns } عمودًا
   *[other] { $columns } عمود
}.
ui-import-step-taken = يوجد جدول « { $name } » من قبل ولم يأتِ من هذه الخطوة: لن يُستبدل. ستستخدم الخطوات التالية هذا الجدول.
ui-open-in-analyse = فتح في « تحليل »
ui-task-dataset = تنطلق من الجدول « { $name } ».
ui-task-dataset-missing = الجدول « { $name } » غير موجود بعد: أنجز (أو تخطَّ) أولًا الخطوة التي تنشئه.
ui-task-ordered = ترتيب الصفوف مهم.
ui-task-result-saved = جدولك محفوظ باسم « { $name } ».
ui-task-check = تحقّق
ui-task-your-result = نتيجتك
ui-task-solution-steps = خطوات الحل:
ui-analyse = تحليل
ui-guide-open = دليل المنشّط
ui-date-placeholder = يوم/شهر/سنة
ui-guide-contents = المحتويات
ui-guide-back = → العودة إلى الدروس
ui-pack-data = بيانات هذه الحزمة ({ $count })
ui-data-about = حول هذه البيانات
ui-data-rows = { $nrows ->
    [one] صف واحد
    [two] صفّان
    [few] { $rows } صفوف
    [many] { $rows } صفًّا
   *[other] { $rows } صف
}
ui-data-sources = المصادر
ui-data-licences = التراخيص
ui-data-from = مبني انطلاقًا من مجموعة البيانات « { $name } ».
ui-data-table-name = اسم الجدول: { $name }
ui-link-offline = رابط خارجي (افتحه لاحقًا، عند توفر الإنترنت): { $href }

# The trainee's hand-in (home screen)
ui-handin-title = تسليم عملي
ui-handin-intro = احفظ تقدّمك في ملف (على مفتاح USB مثلًا) وسلّمه إلى المنشّط.
ui-handin-button = تصدير تقدّمي
ui-handin-done = حُفظ { $count } حدث (أحداث) في { $file }.
# The facilitator's desk
ui-facilitator-open = فضاء المنشّط
ui-facilitator-title = فضاء المنشّط
ui-facilitator-intro = أضف ملفات تقدّم المتدربين (من مفتاح USB مثلًا): يُحتفظ بالفصل على هذا الحاسوب، وكل إضافة تحدّثه.
ui-class-add-files = إضافة ملفات…
ui-class-add-folder = إضافة مجلد…
ui-class-clear = إفراغ الفصل
ui-class-clear-confirm = إفراغ الفصل يحذف من هذا الحاسوب الملفات المضافة (ملفات مفاتيح USB لا تتغير). هل تؤكد؟
ui-class-added = أُضيف { $added } ملف (ملفات)، و{ $already } موجود (موجودة) في الفصل من قبل.
ui-class-bad = رُفض { $count } ملف (ملفات)، ولم يُحتفظ بشيء منها:
ui-class-bad-file = { $file }: { $reason }
ui-class-empty = لا يوجد أي ملف تقدّم في الفصل حتى الآن.
ui-class-summary = { $trainees } متدرب (متدربين)، { $files } ملف (ملفات)، { $events } حدث (أحداث).
ui-class-trainees = المتدربون والدروس
ui-class-trainee = المتدرب
ui-class-cell = { $done } / { $steps }
ui-class-also-named = يُسمّى أيضًا: { $names }
ui-class-stuck-title = من المتعثّر؟
ui-class-stuck-none = لا أحد متعثّر.
ui-class-stuck-line = { $trainee } — { $lesson } › { $step }
ui-class-wrong-answers = إجاباته الخاطئة: { $answers }
ui-class-steps-title = خطوة بخطوة
ui-class-step = الخطوة
ui-class-succeeded = نجح
ui-class-attempts-mean = المحاولات (المتوسط)
ui-class-hints-mean = التلميحات (المتوسط)
ui-class-common-wrong = الإجابات الخاطئة الأكثر تكرارًا
ui-class-wrong-count = { $answer } ({ $count })
ui-class-success-of = { $done } من { $trainees }
ui-class-reflections-title = تأمّلات المتدربين
ui-class-conflicts-title = تعارضات يجب التحقق منها
ui-class-event-conflict = الحدث { $id } الخاص بـ { $trainee } ({ $lesson } › { $step }) له { $versions } محتويات مختلفة حسب الملفات: { $files }. عُدّل ملف أو نُسخ؛ يحتسب العرض المحتوى الأول.
ui-class-name-conflict = الملف الشخصي نفسه يحمل عدة أسماء: { $names }. يسمّيه العرض « { $kept } ».

ui-class-export = تصدير الفصل:

# The facilitator's packs (screens/packdesk.js)
ui-pack-desk-open = حزم الدروس…
ui-pack-desk-title = حزم الدروس
ui-pack-desk-intro = افحص حزمة كتبتها، واصنع ملفها ‎.datajam لمفتاح USB، وثبّت حزمة واطّلع على الحزم المثبّتة.
ui-pack-check-title = فحص مجلد حزمة
ui-pack-check-intro = اختر المجلد الذي يحتوي على pack.toml: يُفحص كل درس وكل تمرين وكل مجموعة بيانات، كما مع « datajam pack check ».
ui-pack-check-button = اختيار مجلد وفحصه…
ui-pack-checked-folder = المجلد المفحوص: { $path }
ui-pack-valid = الحزمة « { $id } » { $version } صالحة: { $lessons } درس (دروس)، { $steps } خطوة (خطوات)، { $datasets } مجموعة (مجموعات) بيانات.
ui-pack-invalid = { $n ->
    [zero] { $count } مشكلة يجب تصحيحها:
    [one] مشكلة واحدة يجب تصحيحها:
    [two] مشكلتان يجب تصحيحهما:
    [few] { $count } مشكلات يجب تصحيحها:
    [many] { $count } مشكلةً يجب تصحيحها:
   *[other] { $count } مشكلة يجب تصحيحها:
}
ui-pack-check-warnings = تنبيهات (تبقى الحزمة صالحة):
ui-pack-build-button = صنع ملف ‎.datajam…
ui-pack-built = كُتب ملف الحزمة: { $path } ({ $size }، { $files } ملفات، SHA-256 { $sha }…).
ui-pack-desk-installed = الحزم المثبّتة
ui-pack-id = المعرّف
ui-pack-authors = المؤلفون
ui-pack-no-authors = غير مذكورين
ui-pack-licence = الترخيص
ui-pack-lessons = الدروس
ui-pack-no-datasets = لا تحتوي هذه الحزمة على مجموعة بيانات.
ui-pack-desk-install-intro = ثبّت على هذا الحاسوب ملف ‎.datajam (الذي صنعته للتو، أو ملفًا آخر على مفتاح USB): يُفحص كاملًا قبل ذلك؛ والحزمة المرفوضة لا تثبّت شيئًا.

# PINs (widgets/pin.js)
ui-pin-label = الرمز السري (PIN)
ui-pin-current = الرمز الحالي
ui-pin-new = رمز جديد
ui-pin-title = رمزي السري
ui-pin-intro = اختياري: رمز من 4 إلى 8 أرقام، يُطلب عندما يختار أحد ملفك الشخصي على هذا الحاسوب.
ui-pin-intro-set = ملفك الشخصي محمي برمز سري. لتغييره أو حذفه، اكتب أولًا الرمز الحالي.
ui-pin-set = تعيين الرمز
ui-pin-change = تغيير الرمز
ui-pin-remove = حذف الرمز
ui-pin-saved = حُفظ الرمز السري.
ui-pin-removed = حُذف الرمز السري.
ui-pin-ask = الرمز السري لـ { $name }
ui-pin-open = فتح
ui-pin-locked = محمي برمز سري
ui-desk-pin-ask = الرمز السري للمنشّط
ui-desk-pin-title = حماية فضاء المنشّط
ui-desk-pin-intro = اختياري: اختر رمزًا سريًا (من 4 إلى 8 أرقام). سيُطلب لفتح فضاء المنشّط ولإعادة تعيين رمز أحد المتدربين.
ui-desk-pin-saved = حُفظ الرمز السري للمنشّط: سيُطلب في المرة القادمة.
ui-pin-trainees-title = الرموز السرية للمتدربين
ui-pin-trainees-none = لا يوجد ملف شخصي له رمز سري.
ui-pin-reset = إعادة تعيين
ui-pin-reset-done = حُذف الرمز السري لـ { $name }: يُفتح ملفه الشخصي بلا رمز، ويمكنه اختيار رمز جديد.

# Room setup (screens/packdesk.js)
ui-room-title = تحضير مفتاح القاعة
ui-room-intro = اختر مفتاح USB: يُكتب عليه مجلد « datajam-atelier » فيه الحزم المثبّتة هنا، ومثبّتات التطبيق إن وُجدت، وملف « LISEZ-MOI » (اقرأني) للمتدربين.
ui-room-button = اختيار المفتاح والكتابة عليه…
ui-room-done = كُتب المجلد: { $folder } ({ $n ->
    [0] لا توجد حزمة إضافة إلى الدروس المدمجة
    [one] حزمة واحدة
    [two] حزمتان
    [few] { $count } حزم
    [many] { $count } حزمةً
   *[other] { $count } حزمة
}).
ui-room-installers = المثبّتات المنسوخة: { $count } ملف (ملفات).
ui-room-no-installers = المثبّتات ليست على المفتاح: المجلد « { $folder } » غير موجود. يطلب ملف LISEZ-MOI من المتدربين أن يطلبوها منك.
ui-notebook-title = دفتري
ui-notebook-card = أعد قراءة تأمّلاتك وإجاباتك ورسومك البيانية، وخذها معك في صفحة تحتفظ بها أو تطبعها.
ui-notebook-open = فتح دفتري
ui-notebook-intro = { $n ->
        [0] دفترك ما زال فارغًا.
        [one] أثر واحد من عملك، درسًا بدرس.
        [two] أثران من عملك، درسًا بدرس.
        [few] { $count } آثار من عملك، درسًا بدرس.
        [many] { $count } أثرًا من عملك، درسًا بدرس.
       *[other] { $count } أثر من عملك، درسًا بدرس.
    }
ui-notebook-empty = ستظهر هنا تأمّلاتك وإجاباتك ورسومك البيانية مع تقدّم الدروس.
ui-notebook-export = تصدير دفتري
ui-notebook-exported = حُفظ الدفتر في { $file }. افتحه بمتصفح لقراءته أو طباعته.
ui-notebook-reflection = تأمّلي
ui-notebook-answers = إجاباتي
ui-notebook-chart = رسمي البياني
ui-notebook-right = ✓ صحيح
ui-notebook-wrong = ✗ للمراجعة
ui-notebook-lesson-done = (درس منتهٍ)
ui-notebook-lesson-open = (درس جارٍ)
ui-review-note = الدرس منتهٍ: أنت تعيد قراءة عملك. تُعرض إجاباتك كما قدّمتها.
ui-settings-title = الإعدادات
ui-settings-intro = إعدادات { $name }: تعود في كل مرة يُختار فيها هذا الملف الشخصي.
ui-settings-lang = اللغة
ui-settings-lang-fr = Français (الفرنسية)
ui-settings-lang-en = English (الإنجليزية)
ui-settings-size = حجم النص
ui-settings-size-normal = عادي
ui-settings-size-large = كبير
ui-settings-size-larger = كبير جدًا
ui-settings-contrast = تباين عالٍ (نص أسود على خلفية بيضاء، حواف بارزة)
ui-settings-save = حفظ الإعدادات
ui-settings-saved = حُفظت الإعدادات.
ui-settings-lang-ar = العربية
ui-notebook-table = جدولي، خطوة بخطوة
ui-notebook-records = استماراتي

# The app's version, at the foot of the welcome screen.
ui-app-version = DataJam Atelier، الإصدار { $version }
