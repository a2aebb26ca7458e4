# ما تقوله الورشة بعد كل إجراء: التسجيلات، التأمّلات، الاستيراد، الرسوم البيانية، الحلول، مصادر البيانات.
# A first translation into Modern Standard Arabic, to be reviewed by an Arabic-speaking
# facilitator in Chad. The French file (../fr/workshop.ftl) is the reference; the
# notebook's file name (workshop-notebook-file) stays French on purpose.

workshop-record-not-saved = لم يُحفظ التسجيل: صحّح الحقول المشار إليها.
workshop-reflection-too-short = اكتب { $min } حرفًا على الأقل (كتبت { $written }).
workshop-reflection-saved = حُفظ التأمّل.
workshop-import-step-done = تم استيراد الجدول « { $table } »: { $rows } صف (صفوف)، { $columns } عمود (أعمدة).
workshop-chart-kind-missing = اختر أولًا نوع الرسم البياني.
workshop-solution-between = بين { $min } و{ $max }
workshop-solution-at-least = { $min } على الأقل
workshop-solution-at-most = { $max } على الأكثر
workshop-credit = { $sources ->
        [0] المصدر
        [1] المصدر
       *[other] المصادر
    }: { $source_list } · { $licences ->
        [0] الترخيص
        [1] الترخيص
       *[other] التراخيص
    }: { $licence_list }
workshop-credit-derived = استنادًا إلى « { $dataset } » · { $credit }
range-between = يجب أن تكون القيمة بين { $min } و{ $max }.
range-at-least = يجب أن تكون القيمة { $min } على الأقل.
range-at-most = يجب أن تكون القيمة { $max } على الأكثر.

# Room setup: the « lisez-moi » written on the USB stick (workshop::room).
workshop-room-readme = DataJam Atelier — مفتاح القاعة

    يحضّر هذا المجلد حواسيب المتدربين للورشة. لا شيء يمرّ عبر الإنترنت: كل شيء على هذا المفتاح.

    1. تثبيت التطبيق: { $installers ->
        [yes] افتح المجلد « installateurs » وشغّل المثبّت الخاص بنظامك (Windows أو Linux).
       *[no] المثبّتات ليست على هذا المفتاح؛ اطلبها من المنشّط.
    }
    2. الدروس: { $npacks ->
        [0] دروس التطبيق تكفي، ولا شيء آخر للتثبيت.
       *[other] افتح DataJam Atelier، واختر ملفك الشخصي، ثم « تثبيت حزمة… » وخذ كل ملف من المجلد « paquets »: { $packs }.
    }
    3. في نهاية الحصة: « تصدير تقدّمي » يكتب ملف تقدّمك؛ احفظه على هذا المفتاح وأعده إلى المنشّط.
workshop-notebook-title = دفتري
workshop-notebook-of = عمل { $name }، درسًا بدرس.
workshop-notebook-empty = لا شيء بعد: ستظهر هنا تأمّلاتك وإجاباتك ورسومك البيانية.
workshop-notebook-lesson-done = درس منتهٍ
workshop-notebook-lesson-open = درس جارٍ
workshop-notebook-reflection = تأمّلي
workshop-notebook-answers = إجاباتي
workshop-notebook-chart = رسمي البياني
workshop-notebook-right = صحيح
workshop-notebook-wrong = للمراجعة
workshop-notebook-table = جدولي، خطوة بخطوة
workshop-notebook-records = استماراتي

workshop-class-chart-title = النجاح في كل خطوة — { $lesson }
workshop-class-chart-axis = ٪ من المتدرّبين الذين نجحوا
