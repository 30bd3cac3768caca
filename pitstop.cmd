@echo off
rem Pitstop launcher for Windows: builds what is stale (without starting Maven when nothing is),
rem then runs the JVM. The same as ./pitstop on Linux and macOS; see pitstop --help.
setlocal EnableDelayedExpansion
set "PITSTOP_HOME=%~dp0"
if "%PITSTOP_HOME:~-1%"=="\" set "PITSTOP_HOME=%PITSTOP_HOME:~0,-1%"
set "STAMP=%PITSTOP_HOME%\tools\target\launcher.classpath"
set "ARGFILE=%PITSTOP_HOME%\tools\target\launcher.args"

set "JAVA_CMD=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"
where "%JAVA_CMD%" >nul 2>nul
if errorlevel 1 if not exist "%JAVA_CMD%" (
  echo pitstop: no java on the PATH; install a JDK 17 or newer ^(or set JAVA_HOME^) 1>&2
  exit /b 2
)

rem Stale when the stamp is missing or any engine/tools source or build file is newer than it;
rem game-scripts are compiled by the engine at run time.
set STALE=1
rem PITSTOP_DRY_RUN=1 builds nothing (see the end of this file).
if "%PITSTOP_DRY_RUN%"=="1" set STALE=0
if "%STALE%"=="1" if exist "%STAMP%" if exist "%PITSTOP_HOME%\engine\target\classes" (
  for /f %%r in ('powershell -NoProfile -Command "$s=(Get-Item -LiteralPath '%STAMP%').LastWriteTime; $n=Get-ChildItem -Recurse -File -LiteralPath '%PITSTOP_HOME%\engine\src\main','%PITSTOP_HOME%\tools\src\main','%PITSTOP_HOME%\pom.xml','%PITSTOP_HOME%\engine\pom.xml','%PITSTOP_HOME%\tools\pom.xml','%PITSTOP_HOME%\game-scripts\pom.xml' | Where-Object { $_.LastWriteTime -gt $s } | Select-Object -First 1; if ($n) {1} else {0}"') do set STALE=%%r
)
if "%STALE%"=="1" (
  where mvn >nul 2>nul
  if errorlevel 1 (
    echo pitstop: Maven ^(mvn^) is needed to build Pitstop; install Maven 3.8 or newer 1>&2
    exit /b 2
  )
  echo pitstop: building the engine ^(the first build downloads dependencies and takes a minute^)... 1>&2
  pushd "%PITSTOP_HOME%"
  call mvn -q -B -Dstyle.color=never -DskipTests -pl tools -am process-classes 1>&2
  if errorlevel 1 (
    popd
    echo pitstop: the build failed ^(see Maven's messages above^) 1>&2
    exit /b 2
  )
  popd
  powershell -NoProfile -Command "(Get-Item -LiteralPath '%STAMP%').LastWriteTime = Get-Date"
)

rem The class path is too long for a batch variable: hand it to java in an argument file.
if not "%PITSTOP_DRY_RUN%"=="1" powershell -NoProfile -Command "$deps=(Get-Content -Raw -LiteralPath '%STAMP%').Trim(); $cp='%PITSTOP_HOME%\engine\target\classes;%PITSTOP_HOME%\tools\target\classes;'+$deps; Set-Content -LiteralPath '%ARGFILE%' -Value ('-cp \"' + $cp.Replace('\','\\') + '\"')"

rem 768 MB of heap bounds what any script can make the engine hold; PITSTOP_JAVA_OPTS comes later and wins.
set "JVM_OPTS=-Xmx768m -Djoml.nounsafe=true -Dpitstop.home=%PITSTOP_HOME%"

rem --debug [HOST:]PORT of run and demo also reaches the JVM as a JDWP agent an IDE can attach to:
rem PORT alone listens on 127.0.0.1 only, HOST:PORT where asked (the engine warns). The same rules
rem as ./pitstop and dev.pitstop.app.DebugAddress: only a value the engine accepts opens a port, and
rem --debug given twice opens none (the engine then refuses the command line). cmd reads
rem --debug=5005 as two arguments, which comes to the same; write 0.0.0.0:PORT rather than *:PORT
rem for every interface, since the java launcher on Windows may expand * as a file pattern.
set "DEBUG_COUNT=0"
set "DEBUG_VALUE="
if /i "%~1"=="run" call :find_debug %*
if /i "%~1"=="demo" call :find_debug %*
set "DEBUG_ADDRESS="
if "%DEBUG_COUNT%"=="1" (
  for /f "delims=" %%d in ('powershell -NoProfile -Command "$v=$env:DEBUG_VALUE; if ($v -cmatch '^((\*|[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):)?([1-9][0-9]{0,4})$' -and [int]$Matches[3] -le 65535) { if ($Matches[2]) { $Matches[2] + ':' + $Matches[3] } else { '127.0.0.1:' + $Matches[3] } }"') do set "DEBUG_ADDRESS=%%d"
)
if defined DEBUG_ADDRESS set "JVM_OPTS=!JVM_OPTS! -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=!DEBUG_ADDRESS!"

rem PITSTOP_DRY_RUN=1 prints the java command (on one line) and runs nothing.
if "%PITSTOP_DRY_RUN%"=="1" (
  echo "%JAVA_CMD%" !JVM_OPTS! %PITSTOP_JAVA_OPTS% @"%ARGFILE%" dev.pitstop.app.Main %*
  exit /b 0
)

"%JAVA_CMD%" %JVM_OPTS% %PITSTOP_JAVA_OPTS% @"%ARGFILE%" dev.pitstop.app.Main %*
exit /b %ERRORLEVEL%

rem Counts the values of --debug among the arguments after the command (run or demo) into
rem DEBUG_COUNT and keeps the last in DEBUG_VALUE.
:find_debug
shift
set "PREV="
:find_debug_next
if "%~1"=="" exit /b 0
if "!PREV!"=="--debug" (
  set "DEBUG_VALUE=%~1"
  set /a DEBUG_COUNT+=1
)
set "PREV=%~1"
shift
goto find_debug_next
