#include "kiosk/screens/staff/export_runner.h"

#include "kiosk/export/export_file_name.h"
#include "kiosk/export/export_job.h"
#include "kiosk/leads/lead_store.h"
#include "media/log.h"

namespace etalase::kiosk {

ExportRunner::~ExportRunner() {
  m_cancel = true;
  join();
}

void ExportRunner::join() {
  if (m_worker.joinable()) m_worker.join();
}

bool ExportRunner::running() const {
  std::lock_guard lock(m_mutex);
  return m_view.running;
}

ExportProgressView ExportRunner::progress() const {
  std::lock_guard lock(m_mutex);
  return m_view;
}

bool ExportRunner::start(ExportRequest request) {
  if (running()) return false;
  join();
  {
    std::lock_guard lock(m_mutex);
    m_view = ExportProgressView{};
    m_view.running = true;
  }
  m_cancel = false;
  m_worker = std::thread([this, request = std::move(request)]() mutable { run(std::move(request)); });
  return true;
}

void ExportRunner::run(ExportRequest request) {
  const auto finish = [&](auto&& update) {
    std::lock_guard lock(m_mutex);
    update(m_view);
    m_view.running = false;
  };
  leads::StoreOptions storeOptions;
  storeOptions.create = false;
  auto store = leads::LeadStore::open(request.database, storeOptions);
  if (!store) {
    log::warn("export: {}", store.error().text());
    return finish([&](ExportProgressView& view) { view.failure = store.error().text(); });
  }
  leads::LeadFilter filter;
  auto lastRow = store.value().lastRowId();
  if (!lastRow) return finish([&](ExportProgressView& view) { view.failure = lastRow.error().text(); });
  filter.maxRowId = lastRow.value();  // leads saved meanwhile wait for the next export
  filter.notYetExported = request.onlyNotYetExported;

  // Writable only while the file is written; read-only again (flushed) whatever happens below.
  std::optional<platform::StickWriteSession> stickSession;
  if (request.stick) {
    stickSession.emplace(*request.stick, request.folder);
    if (const auto& failure = stickSession->failure()) {
      log::warn("export: {}", *failure);
      return finish([&](ExportProgressView& view) { view.failure = *failure; });
    }
  }

  const auto now = std::chrono::system_clock::now();
  const std::string name = exporting::exportFileName(request.deviceId, now, request.format);
  exporting::ExportOptions options;
  options.writer = request.writer;
  options.writer.deviceId = request.deviceId;
  options.progress = [this](std::int64_t done, std::int64_t total) {
    std::lock_guard lock(m_mutex);
    m_view.done = done;
    m_view.total = total;
    return !m_cancel.load();
  };
  auto result = exporting::exportLeads(store.value(), filter, request.format, request.folder / name, options);

  leads::ExportLogEntry entry;
  entry.kind = "export";
  entry.format = exporting::fileExtension(request.format);
  entry.file = name;
  if (!result) {
    const bool cancelled = exporting::isCancelled(result.error());
    entry.outcome = cancelled ? "cancelled" : result.error().text();
    (void)store.value().addLogEntry(entry);
    if (!cancelled) log::warn("export failed: {}", result.error().text());
    return finish([&](ExportProgressView& view) {
      view.cancelled = cancelled;
      if (!cancelled) view.failure = result.error().text();
    });
  }
  // Marked only once the file is whole and checked: a failed export leaves them "not yet exported".
  auto marked = store.value().markExported(filter);
  entry.leads = result.value().leads;
  entry.outcome = marked ? "done" : "done; could not note the leads as exported: " + marked.error().text();
  (void)store.value().addLogEntry(entry);
  std::optional<std::string> stillWritable = stickSession ? stickSession->finish() : std::nullopt;
  if (stillWritable) log::warn("export: {}", *stillWritable);
  log::info("export: {} leads written to {} ({} bytes)", result.value().leads, result.value().file.string(),
            result.value().bytes);
  finish([&](ExportProgressView& view) {
    view.file = result.value().file.string();
    view.leadsWritten = result.value().leads;
    view.bytes = result.value().bytes;
    view.notice = stillWritable;
    view.stickReadOnlyAgain = stickSession && stickSession->readOnlyAgain();
  });
}

}  // namespace etalase::kiosk
