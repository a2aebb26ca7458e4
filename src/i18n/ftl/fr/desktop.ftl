# The desktop shell's own words: the titles and filters of the system's file dialogs.

desktop-pick-pack = Choisir un paquet de leçons
desktop-filter-pack = Paquets DataJam (.datajam)
desktop-pick-data = Choisir un fichier de données
desktop-filter-data = Tableurs et fichiers CSV
desktop-export-table = Exporter le tableau
desktop-save-copy = Enregistrer une copie du fichier
desktop-save-chart = Enregistrer le graphique
desktop-export-notebook = Exporter mon carnet
desktop-export-progress = Exporter ma progression
desktop-pick-progress-files = Choisir les fichiers de progression
desktop-pick-progress-folder = Choisir le dossier des fichiers de progression
desktop-export-class = Exporter la classe
desktop-pick-pack-folder = Choisir le dossier du paquet
desktop-save-pack-file = Enregistrer le fichier du paquet
desktop-pick-room-stick = Choisir la clé USB de la salle
