// Runs one staff export on a worker thread, so the screen keeps drawing its progress bar and the
// Cancel button works. The worker opens its own LeadStore on the kiosk's database (SQLite in WAL
// mode lets it read while the kiosk goes on saving leads), exports through exportLeads(), marks
// the exported leads, and writes the export log. UI-free.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/export/export_format.h"
#include "kiosk/export/lead_writer.h"
#include "platform/stick_write_access.h"

namespace etalase::kiosk {

struct ExportRequest {
  std::filesystem::path database;
  std::filesystem::path folder;  // a USB stick's mount point, or a folder on the kiosk
  // Set when `folder` is a USB stick: one mounted read-only is made writable for the export only.
  std::shared_ptr<platform::StickWriteAccess> stick;
  exporting::ExportFormat format = exporting::ExportFormat::Csv;
  bool onlyNotYetExported = false;
  std::string deviceId;
  exporting::WriterOptions writer;
};

struct ExportProgressView {
  bool running = false;
  std::int64_t done = 0, total = 0;
  // When finished: the file and the leads in it, or what went wrong (no personal data).
  std::optional<std::string> file;
  std::int64_t leadsWritten = 0;
  std::uint64_t bytes = 0;
  std::optional<std::string> failure;
  // Done, but something staff should know (the stick could not be made read-only again).
  std::optional<std::string> notice;
  bool stickReadOnlyAgain = false;  // flushed and read-only: safe to pull
  bool cancelled = false;
};

class ExportRunner {
 public:
  ExportRunner() = default;
  ~ExportRunner();
  ExportRunner(const ExportRunner&) = delete;
  ExportRunner& operator=(const ExportRunner&) = delete;

  // False when an export is still running.
  bool start(ExportRequest request);
  void cancel() { m_cancel = true; }
  ExportProgressView progress() const;
  bool running() const;
  // Waits for the worker (the screen closing, the kiosk quitting).
  void join();

 private:
  void run(ExportRequest request);

  mutable std::mutex m_mutex;
  ExportProgressView m_view;
  std::atomic<bool> m_cancel{false};
  std::thread m_worker;
};

}  // namespace etalase::kiosk
