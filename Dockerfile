# The web app on the ASP.NET Core runtime image, as an unprivileged user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is reused until they change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ClaimsTracker.Domain/ClaimsTracker.Domain.csproj src/ClaimsTracker.Domain/
COPY src/ClaimsTracker.Data/ClaimsTracker.Data.csproj src/ClaimsTracker.Data/
COPY src/ClaimsTracker.Web/ClaimsTracker.Web.csproj src/ClaimsTracker.Web/
RUN dotnet restore src/ClaimsTracker.Web/ClaimsTracker.Web.csproj
COPY src/ src/
RUN dotnet publish src/ClaimsTracker.Web -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
# Logs go to the console (the file sink needs a writable folder, given here to the app user).
RUN mkdir -p /app/logs && chown "$APP_UID" /app/logs
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["dotnet", "ClaimsTracker.Web.dll", "--probe", "http://127.0.0.1:8080/alive"]
ENTRYPOINT ["dotnet", "ClaimsTracker.Web.dll"]
