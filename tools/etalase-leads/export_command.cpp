// export: one kiosk's leads into a file, through the same exportLeads() as the staff screen.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "commands.h"
#include "kiosk/export/export_job.h"
#include "kiosk/export/since_time.h"
#include "kiosk/leads/lead_store.h"
#include "pack_producers.h"

namespace etalase::leadtool {

namespace {

namespace fs = std::filesystem;
using namespace etalase::exporting;

// A long export says how far it is: on a terminal a line rewritten in place, else (a log, a
// script) a line every 10% once there are enough leads for it to take a while.
class ProgressLine {
 public:
  static constexpr std::int64_t kLongExport = 10000;

  ProgressLine() : m_terminal(::isatty(STDERR_FILENO) == 1) {}
  ~ProgressLine() { end(); }

  // Ends the line rewritten in place, before anything else is printed.
  void end() {
    if (m_shown && m_terminal) std::fputs("\n", stderr);
    m_shown = false;
  }

  bool operator()(std::int64_t done, std::int64_t total) {
    if (total <= 0 || (!m_terminal && total < kLongExport)) return true;
    const std::int64_t percent = done * 100 / total;
    const std::int64_t step = m_terminal ? 1 : 10;
    if (percent / step == m_lastStep) return true;
    m_lastStep = percent / step;
    m_shown = true;
    fmt::print(stderr, "{}exporting: {:3}% ({} of {} leads){}", m_terminal ? "\r" : "", percent,
               done, total, m_terminal ? "" : "\n");
    std::fflush(stderr);
    return true;
  }

 private:
  bool m_terminal;
  bool m_shown = false;
  std::int64_t m_lastStep = -1;
};

std::string firstDeviceId(const leads::LeadStore& store) {
  std::string device;
  (void)store.forEach({}, [&](const leads::Lead& lead) {
    device = lead.deviceId;
    return false;
  });
  return device;
}

}  // namespace

int runExport(const ExportCommand& command) {
  const std::string extension = command.output.extension().string();
  const auto format = parseExportFormat(command.format.empty() && !extension.empty()
                                            ? std::string_view(extension).substr(1)
                                            : std::string_view(command.format));
  if (!format) {
    return fail(Error{command.output.string(),
                      "say which format with --format csv, xlsx, vcf or jsonl (or end the file "
                      "name in one of these)"});
  }
  leads::LeadFilter filter;
  if (!command.since.empty()) {
    auto since = sinceUtcFromText(command.since);
    if (!since) return fail(since.error());
    filter.sinceUtc = since.value();
  }
  leads::StoreOptions storeOptions;
  storeOptions.create = false;  // a mistyped name must not export an empty new database
  auto store = leads::LeadStore::open(command.database, storeOptions);
  if (!store) return fail(store.error());

  ExportOptions options;
  options.writer.csvByteOrderMark = command.byteOrderMark;
  options.writer.standName = command.standName;
  options.writer.deviceId =
      command.deviceId.empty() ? firstDeviceId(store.value()) : command.deviceId;
  if (!command.pack.empty()) {
    if (auto error = fillProducersFromPack(command.pack, options.writer)) return fail(*error);
  }
  ProgressLine progress;
  options.progress = [&](std::int64_t done, std::int64_t total) { return progress(done, total); };
  auto summary = exportLeads(store.value(), filter, *format, command.output, options);
  progress.end();
  if (!summary) return fail(summary.error());
  fmt::print("wrote {} leads to {} ({} bytes)\n", summary.value().leads,
             summary.value().file.string(), summary.value().bytes);
  return 0;
}

}  // namespace etalase::leadtool
