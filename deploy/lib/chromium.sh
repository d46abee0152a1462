# Sourced: makes sure Debian's Chromium and ChromeDriver are installed for the browser tests (deploy/e2e
# SignUpPageIT). They come from the Debian packages, never from a browser download.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing chromium and chromium-driver (Debian packages) for the browser tests" >&2
        (apt-get install -y --no-install-recommends chromium chromium-driver \
            || { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }) >&2
    else
        echo "The browser tests need chromium and chromium-driver: sudo apt-get install chromium chromium-driver" >&2
    fi
fi
