# The desktop shell's own words: the titles and filters of the system's file dialogs.

desktop-pick-pack = Choose a lesson pack
desktop-filter-pack = DataJam packs (.datajam)
desktop-pick-data = Choose a data file
desktop-filter-data = Spreadsheets and CSV files
desktop-export-table = Export the table
desktop-save-copy = Save a copy of the file
desktop-save-chart = Save the chart
desktop-export-notebook = Export my notebook
desktop-export-progress = Export my progress
desktop-pick-progress-files = Choose the progress files
desktop-pick-progress-folder = Choose the folder of progress files
desktop-export-class = Export the class
desktop-pick-pack-folder = Choose the pack folder
desktop-save-pack-file = Save the pack file
desktop-pick-room-stick = Choose the room's USB stick
