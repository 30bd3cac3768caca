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
if exist "%STAMP%" if exist "%PITSTOP_HOME%\engine\target\classes" (
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
powershell -NoProfile -Command "$deps=(Get-Content -Raw -LiteralPath '%STAMP%').Trim(); $cp='%PITSTOP_HOME%\engine\target\classes;%PITSTOP_HOME%\tools\target\classes;'+$deps; Set-Content -LiteralPath '%ARGFILE%' -Value ('-cp \"' + $cp.Replace('\','\\') + '\"')"

rem 768 MB of heap bounds what any script can make the engine hold; PITSTOP_JAVA_OPTS comes later and wins.
set "JVM_OPTS=-Xmx768m -Djoml.nounsafe=true -Dpitstop.home=%PITSTOP_HOME%"
set "PREV="
for %%a in (%*) do (
  set "ARG=%%~a"
  if "!PREV!"=="--debug" set "JVM_OPTS=!JVM_OPTS! -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:!ARG!"
  if "!ARG:~0,8!"=="--debug=" set "JVM_OPTS=!JVM_OPTS! -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:!ARG:~8!"
  set "PREV=!ARG!"
)

"%JAVA_CMD%" %JVM_OPTS% %PITSTOP_JAVA_OPTS% @"%ARGFILE%" dev.pitstop.app.Main %*
exit /b %ERRORLEVEL%
