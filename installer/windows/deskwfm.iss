; Inno Setup 6 script: per-user installer for deskwfm (no administrator rights needed).
;
; Build the one-folder bundle first (installer\windows\build.ps1 does both steps):
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\deskwfm.spec
;   iscc /DAppVersion=0.1.0 installer\windows\deskwfm.iss
; Output: dist\deskwfm-<version>-setup.exe
;
; Installs to %LOCALAPPDATA%\Programs\deskwfm, adds a Start-menu shortcut (and optionally a
; desktop one), associates the .deskwfm database extension with deskwfm and adds deskwfm to
; "Open with" for .sqlite3 files without taking them over. The uninstaller removes the program
; only: schedule databases and backups in %LOCALAPPDATA%\deskwfm are the user's and stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "deskwfm"
#define AppExe "deskwfm.exe"
#define ProgId "deskwfm.Database"
#define Root SourcePath + "..\.."
#define DistDir Root + "\dist\deskwfm"

#if !FileExists(DistDir + "\" + AppExe)
  #error "dist\deskwfm\deskwfm.exe is missing: build the bundle with PyInstaller first (see installer\README.md)"
#endif

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{B2EBBC94-2A1C-4F3D-A30F-E1CFFA063315}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=deskwfm
AppComments=Contact-centre schedule grid and payroll sheet
VersionInfoVersion={#AppVersion}
VersionInfoDescription=deskwfm setup
; Per user: {autopf} is %LOCALAPPDATA%\Programs. An administrator may still choose
; "Install for all users" in the first dialog (the registry entries follow, via HKA).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DefaultGroupName={#AppName}
UsePreviousAppDir=yes
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\deskwfm.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
; Closes a running deskwfm (Restart Manager) before replacing its files.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Open .deskwfm database files with deskwfm"; GroupDescription: "File types:"

[InstallDelete]
; An upgrade replaces the whole program folder's libraries, so no stale Qt/Python file lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Schedule grid, hours and pay, timesheets"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .deskwfm -> deskwfm.Database; double-click runs: deskwfm.exe --db "<file>"
Root: HKA; Subkey: "Software\Classes\.deskwfm"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.deskwfm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "deskwfm schedule database"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""; Tasks: associate
; "Open with > deskwfm" for .sqlite3 files (the default database is deskwfm.sqlite3), without
; becoming their default program: other programs use .sqlite3 too.
Root: HKA; Subkey: "Software\Classes\.sqlite3\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "deskwfm"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".deskwfm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".sqlite3"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --db ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The uninstaller never touches the user's data; say where it is so nobody thinks it is lost.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\deskwfm');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox('deskwfm has been removed. Your schedule databases and backups were kept in' + #13#10 +
             DataDir + #13#10 + 'Delete that folder yourself if you no longer need them.',
             mbInformation, MB_OK);
  end;
end;
