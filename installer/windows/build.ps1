# Build the Windows installer: the PyInstaller bundle, then the Inno Setup installer.
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs: Python 3.11 x64 on PATH, Inno Setup 6 (iscc.exe on PATH or in its default folder).
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root

if (-not (Test-Path ".venv")) { python -m venv .venv }
& .venv\Scripts\python -m pip install --upgrade pip
& .venv\Scripts\python -m pip install -e ".[test]"

$Version = & .venv\Scripts\python -c "import deskwfm; print(deskwfm.__version__)"
& .venv\Scripts\python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\deskwfm.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# Smoke test: the bundled program renders its window offscreen against a fresh demo centre.
$Demo = Join-Path $env:TEMP "deskwfm-build-demo.sqlite3"
Remove-Item $Demo -ErrorAction SilentlyContinue
& dist\deskwfm\deskwfm-cli.exe --db $Demo init --demo
if ($LASTEXITCODE -ne 0) { throw "bundled deskwfm-cli could not create the demo centre" }
$Shot = Join-Path $env:TEMP "deskwfm-build-shot.png"
& dist\deskwfm\deskwfm-cli.exe --db $Demo --screenshot $Shot
if ($LASTEXITCODE -ne 0 -or -not (Test-Path $Shot)) { throw "bundled deskwfm did not start" }

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" installer\windows\deskwfm.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Installer: dist\deskwfm-$Version-setup.exe"
