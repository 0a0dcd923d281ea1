package org.passerelle.app;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes springdoc's beans (the staff API's description at {@code /v3/api-docs} and its Swagger
 * UI) lazy: they are created at the first request for the description or its UI instead of at
 * every start, where they took about half a second of class loading. Its post-processors and
 * MVC configurers are created as before, as Spring creates those whatever the flag says; no
 * other bean is made lazy.
 */
final class LazyApiDocs implements BeanFactoryPostProcessor {

    private static final String SPRINGDOC = "org.springdoc.";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        for (var name : factory.getBeanDefinitionNames()) {
            var definition = factory.getBeanDefinition(name);
            if (fromSpringdoc(definition, factory)) {
                definition.setLazyInit(true);
            }
        }
    }

    private static boolean fromSpringdoc(BeanDefinition definition, ConfigurableListableBeanFactory factory) {
        if (startsWithSpringdoc(definition.getBeanClassName())) {
            return true;
        }
        var factoryBean = definition.getFactoryBeanName();
        return factoryBean != null && factory.containsBeanDefinition(factoryBean)
                && startsWithSpringdoc(factory.getBeanDefinition(factoryBean).getBeanClassName());
    }

    private static boolean startsWithSpringdoc(String className) {
        return className != null && className.startsWith(SPRINGDOC);
    }
}
