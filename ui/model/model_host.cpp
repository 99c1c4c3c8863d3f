#include "ui/model/model_host.h"

#include "inference/device.h"
#include "ui/settings/app_settings.h"

namespace leopard::ui {

ModelHost::ModelHost(QObject *parent)
    : QObject(parent),
      m_worker(new InferenceWorker) // no parent: it lives on m_thread
{
    m_thread.setObjectName(QStringLiteral("leopard-inference"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &InferenceWorker::loadProgress, this, &ModelHost::loadProgress);
    connect(m_worker, &InferenceWorker::modelLoaded, this, [this](const ModelInfo &info) {
        m_info = info;
        m_lastError.clear();
        emit modelReady(info);
        setState(State::Ready);
    });
    connect(m_worker, &InferenceWorker::loadCancelled, this, [this] {
        m_lastError = tr("Loading was cancelled.");
        setState(State::NoModel);
    });
    connect(m_worker, &InferenceWorker::planReady, this, &ModelHost::planReady);
    connect(m_worker, &InferenceWorker::replayProgress, this, &ModelHost::replayProgress);
    connect(m_worker, &InferenceWorker::token, this, &ModelHost::token);
    connect(m_worker, &InferenceWorker::finished, this, [this](const AskStats &stats) {
        setState(State::Ready);
        emit finished(stats);
    });
    connect(m_worker, &InferenceWorker::failed, this, [this](const QString &message) {
        m_lastError = message;
        // A failed question leaves the model loaded and usable; a failed load leaves none.
        setState(m_state == State::Busy ? State::Ready : State::Failed);
        emit failed(message);
    });
    m_thread.start();
}

ModelHost::~ModelHost()
{
    m_worker->requestCancel();
    m_thread.quit();
    m_thread.wait(); // generation stops within one token, a load within one tensor
}

void ModelHost::load(const QString &commandLineDirectory)
{
    loadLocation(resolveModelLocation(commandLineDirectory));
}

void ModelHost::loadLocation(const ModelLocation &location)
{
    m_location = location;
    if (location.directory.isEmpty()) {
        m_lastError = tr("No model directory is set.");
        setState(State::NoModel);
        return;
    }
    const DeviceInfo devices = probeDevices();
    m_device = AppSettings::modelDevice().isEmpty() ? QString::fromStdString(devices.defaultDevice) : AppSettings::modelDevice();
    m_dtype = AppSettings::modelDtype().isEmpty() ? QString::fromStdString(devices.defaultDtype) : AppSettings::modelDtype();
    const QString weights = AppSettings::modelWeights().isEmpty() ? QStringLiteral("auto") : AppSettings::modelWeights();
    m_worker->requestCancel(); // a load in progress gives way to this one
    setState(State::Loading);
    // The epoch after that cancel: a Cancel pressed before the worker starts this load still counts.
    QMetaObject::invokeMethod(m_worker, [w = m_worker, dir = location.directory, dev = m_device, dt = m_dtype, weights,
                                         epoch = m_worker->cancelEpoch()] {
        w->setWeights(weights);
        w->loadModel(dir, dev, dt, epoch);
    }, Qt::QueuedConnection);
}

void ModelHost::ask(const AskRequest &request)
{
    if (m_state != State::Ready)
        return;
    setState(State::Busy);
    AskRequest r = request;
    r.cancelEpoch = m_worker->cancelEpoch();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->ask(r); }, Qt::QueuedConnection);
}

void ModelHost::cancel()
{
    m_worker->requestCancel();
}

void ModelHost::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

} // namespace leopard::ui
