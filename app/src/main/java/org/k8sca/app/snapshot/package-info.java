/**
 * The {@code /snapshot} debug endpoint (served with {@code --debugging-snapshot-enabled}): the live
 * cluster objects and the Kamatera servers the provider last listed, written in the snapshot format
 * {@code simulate} reads, so a production situation can be replayed offline.
 */
package org.k8sca.app.snapshot;
