// Saves leads and counts visit events off the UI thread. LeadSaver owns a worker thread, the
// LeadStore and the PendingLeads; the UI calls submit() and polls status() once a frame, shows
// "saving" while it says Saving and the thank-you screen once it says Saved (or KeptPending: the
// lead is safe on this kiosk, not yet in the database). Nothing here blocks on the disk except
// the destructor and waitUntilIdle().
//
//   SaverOptions options;
//   options.database = data / "leads.db";
//   options.pendingFile = boot / "pending-leads.jsonl";
//   LeadSaver saver(options);
//   const SaveTicket ticket = saver.submit(lead);      // at once
//   if (saver.status(ticket).state == SaveState::Saved) showThanks();  // each frame
//
// At start the worker opens the database (creating or migrating it) and imports the leads a
// previous run left in the pending file. When a commit fails (disk full, read-only or missing
// storage, I/O error) the lead is kept pending, in memory and in the pending file, and saved
// again on retryPending() or every retryInterval. Messages and warnings hold no personal data.
// All public functions are thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/leads/lead.h"
#include "kiosk/leads/lead_store.h"
#include "kiosk/leads/store_pending.h"

namespace etalase::leads {

enum class SaveState {
  Saving,       // queued or being committed
  Saved,        // committed to the database, durable
  KeptPending,  // not in the database yet; kept in memory and the pending file, retried later
};

struct SaveStatus {
  SaveState state = SaveState::Saving;
  std::string message;  // why it is pending, for staff and logs; empty otherwise
};

using SaveTicket = std::uint64_t;

struct SaverOptions {
  std::filesystem::path database;
  // Where leads wait while the database cannot take them; on another file system where possible.
  // Empty: in memory only (lost on a restart).
  std::filesystem::path pendingFile;
  StoreOptions store;
  std::chrono::milliseconds retryInterval = std::chrono::seconds(30);
};

class LeadSaver {
 public:
  explicit LeadSaver(SaverOptions options);
  // Finishes every job already submitted, then stops the worker. Pending leads stay in the file.
  ~LeadSaver();
  LeadSaver(const LeadSaver&) = delete;
  LeadSaver& operator=(const LeadSaver&) = delete;

  // Queues the lead (given a uuid and createdUtc first if it has none) and returns at once.
  SaveTicket submit(Lead lead);
  // The state of a ticket from submit(); cheap, for every frame. Only saved tickets are
  // forgotten (beyond the last 1000), and they keep reading as Saved.
  SaveStatus status(SaveTicket ticket) const;

  // Counts a visit event at the current time. An event that cannot be stored is kept in memory
  // (up to 10,000) and retried with the pending leads.
  void countEvent(EventKind kind, std::string productId);
  // Tries the pending leads and events again now (reopening the database if needed).
  void retryPending();
  // Blocks until every job queued so far has run (for tests and for shutting down cleanly).
  void waitUntilIdle();

  std::size_t pendingCount() const;
  // Low disk space, an unavailable database or an unwritable pending file, for the staff log and
  // screen; nullopt when all is well.
  std::optional<std::string> warning() const;

 private:
  struct PendingEvent {
    EventKind kind;
    std::string productId;
    std::chrono::system_clock::time_point when;
  };

  void enqueue(std::function<void()> job);
  void run();
  // Worker only:
  void start();
  bool openStore();
  void closeStore(const Error& why);
  void save(SaveTicket ticket, const Lead& lead);
  void count(const PendingEvent& event);
  void retryNow();
  void publish();
  void setStatus(SaveTicket ticket, SaveState state, std::string message);

  const SaverOptions m_options;

  // Worker only.
  std::optional<LeadStore> m_store;
  PendingLeads m_pending;
  std::deque<PendingEvent> m_pendingEvents;
  std::optional<std::string> m_problem;

  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::condition_variable m_idle;
  std::deque<std::function<void()>> m_jobs;
  bool m_busy = true;  // the worker is running a job (or starting up)
  bool m_stop = false;
  SaveTicket m_lastTicket = 0;
  std::map<SaveTicket, SaveStatus> m_statuses;
  std::map<std::string, SaveTicket> m_ticketOfPending;  // uuid -> ticket, for leads kept pending
  std::size_t m_pendingCount = 0;
  bool m_retryDue = false;  // leads or events pending: retry every retryInterval
  std::optional<std::string> m_warning;

  std::thread m_worker;  // last: starts after everything above exists
};

}  // namespace etalase::leads
