# أخطاء النواة: ما يقرؤه الشخص، حسب الرمز الثابت للخطأ.
# A first translation into Modern Standard Arabic, to be reviewed by an Arabic-speaking
# facilitator in Chad. The French file (../fr/errors.ftl) is the reference.

error-store-database = خطأ في قاعدة البيانات: { $reason }. إجاباتك المحفوظة من قبل لم تضِع؛ أعد تشغيل التطبيق.
error-store-io = خطأ في القراءة أو الكتابة: { $reason }.
error-store-data_dir = تعذّر استخدام مجلد البيانات « { $path } »: { $reason }. تحقّق من أنه موجود وأنك تستطيع الكتابة فيه (المتغير DATAJAM_DATA_DIR).
error-store-schema_too_new = أُنشئت هذه البيانات بإصدار أحدث من DataJam Atelier. ثبّت الإصدار الأخير لفتحها.
error-profile-not_found = هذا الملف الشخصي غير موجود (أو لم يعد موجودًا). اختر ملفًا شخصيًا آخر أو أنشئ ملفًا جديدًا.
error-profile-name_invalid = يجب أن يتكوّن اسم الملف الشخصي من 1 إلى 60 حرفًا.
error-profile-exists = يوجد ملف شخصي باسم « { $name } » على هذا الحاسوب. اختره من القائمة أو استخدم اسمًا آخر.
error-pack-not_found = حزمة الدروس « { $id } » غير موجودة.
error-pack-no_guide = الحزمة « { $id } » ليس لها دليل للمنشّط.
error-lesson-not_found = الدرس « { $id } » غير موجود في هذه الحزمة.
error-step-not_found = الخطوة « { $id } » غير موجودة في هذا الدرس.
error-step-wrong_kind = الخطوة « { $id } » لا تنتظر هذا النوع من الإجابات.
error-table-not_found = الجدول « { $id } » غير موجود. يعرض الأمر `datajam tables` قائمة الجداول.
error-table-column_not_found = العمود « { $id } » غير موجود في هذا الجدول.
