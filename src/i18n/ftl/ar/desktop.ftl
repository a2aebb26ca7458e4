# The desktop shell's own words: the titles and filters of the system's file dialogs.
# A first translation, to be reviewed by an Arabic-speaking facilitator in Chad.

desktop-pick-pack = اختيار حزمة دروس
desktop-filter-pack = حزم DataJam ‏(.datajam)
desktop-pick-data = اختيار ملف بيانات
desktop-filter-data = جداول البيانات وملفات CSV
desktop-export-table = تصدير الجدول
desktop-save-copy = حفظ نسخة من الملف
desktop-save-chart = حفظ الرسم البياني
desktop-export-notebook = تصدير دفتري
desktop-export-progress = تصدير تقدّمي
desktop-pick-progress-files = اختيار ملفات التقدّم
desktop-pick-progress-folder = اختيار مجلد ملفات التقدّم
desktop-export-class = تصدير نتائج الفصل
desktop-pick-pack-folder = اختيار مجلد الحزمة
desktop-save-pack-file = حفظ ملف الحزمة
desktop-pick-room-stick = اختيار مفتاح USB الخاص بالقاعة
