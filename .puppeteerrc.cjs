// Never download a browser: tests drive Debian's chromium (installed by .ci/run).
module.exports = { skipDownload: true, executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium' };
