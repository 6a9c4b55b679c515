/**
 * The Kamatera "cloudcli" REST API as the autoscaler sees it: the {@link
 * org.k8sca.kamatera.api.KamateraApi} interface the cloud provider calls, the records it returns,
 * the one exception type it throws ({@link org.k8sca.kamatera.api.KamateraApiException}) and the
 * metrics hook ({@link org.k8sca.kamatera.api.ApiCallListener}). The HTTP implementation lives in
 * {@code org.k8sca.kamatera.api.http}; nothing here does I/O.
 */
package org.k8sca.kamatera.api;
