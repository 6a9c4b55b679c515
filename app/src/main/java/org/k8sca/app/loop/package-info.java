/**
 * The autoscaler's main loop and what watches it: {@link org.k8sca.app.loop.LoopObserver} is how
 * status, events, metrics and logs learn what each loop decided, without the loop knowing them.
 */
package org.k8sca.app.loop;
