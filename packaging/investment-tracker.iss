; Inno Setup script: a Windows installer from the PyInstaller one-folder bundle.
; Build on Windows after `pyinstaller --noconfirm packaging\tracker.spec`:
;   iscc packaging\investment-tracker.iss
; Output: dist\InvestmentTracker-<version>-setup.exe (per-user install, no admin rights needed).

#define AppName "Investment Tracker"
#define AppVersion "0.1.0"
#define AppPublisher "Investment Tracker team"
#define BundleDir "..\dist\investment-tracker"

[Setup]
AppId={{6F3C9B52-8E0A-4D1B-9C57-2A4E7D0B9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\InvestmentTracker
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=InvestmentTracker-{#AppVersion}-setup
SetupIconFile=icons\investment-tracker.ico
UninstallDisplayIcon={app}\tracker-gui.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
; Inno Setup ships no official Simplified Chinese messages; add the unofficial
; ChineseSimplified.isl to the compiler's Languages folder to offer it.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\tracker-gui.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tracker-gui.exe"; Tasks: desktopicon

[Registry]
; `tracker` on the command line for this user (the console executable)
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}')); Flags: preservestringtype

[Run]
Filename: "{app}\tracker-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
