import { ZkContext } from './context.component.js';

export { ZkContext };

if (!customElements.get('zk-context')) customElements.define('zk-context', ZkContext);

declare global {
  interface HTMLElementTagNameMap {
    'zk-context': ZkContext;
  }
}
