import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { configureApi } from './api/configure-api';
import App from './App.vue';
import { createConsoleRouter } from './router';
import { useSessionStore } from './session/session.store';
import './styles/base.css';

const pinia = createPinia();
const session = useSessionStore(pinia);
configureApi({ onSessionLost: () => session.sessionLost() });

createApp(App).use(pinia).use(createConsoleRouter(pinia)).mount('#app');
